// A partner's page embedding Cal.com's real Booker (@calcom/atoms 2.11.0), configured from the query string so
// run.ts can drive every step: ?apiUrl&clientId&username&eventSlug[&accessToken][&rescheduleUid][&cancelUid].
import "@calcom/atoms/globals.min.css";
import { Booker, CalProvider, useCancelBooking } from "@calcom/atoms";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const params = new URLSearchParams(window.location.search);
const config = {
  apiUrl: params.get("apiUrl") ?? "http://127.0.0.1:8787/v2",
  clientId: params.get("clientId") ?? "",
  accessToken: params.get("accessToken") ?? undefined,
  refreshUrl: params.get("refreshUrl") ?? undefined,
  username: params.get("username") ?? "",
  eventSlug: params.get("eventSlug") ?? "",
  rescheduleUid: params.get("rescheduleUid") ?? undefined,
  cancelUid: params.get("cancelUid") ?? undefined,
};

// What the Booker reported, for the driver (run.ts) to read.
type Report = { event: string; data: unknown };
const reports: Report[] = ((window as any).__bookerReports = []);
const report = (event: string) => (data: unknown) => {
  reports.push({ event, data });
  console.log(`[booker] ${event} ${JSON.stringify(data)?.slice(0, 2000)}`);
};

function CancelPanel({ uid }: { uid: string }) {
  const [state, setState] = useState("idle");
  const { mutate } = useCancelBooking({
    onSuccess: () => {
      setState("cancelled");
      report("cancelSuccess")({ uid });
    },
    onError: (error: unknown) => {
      setState("failed");
      report("cancelError")(error instanceof Error ? error.message : error);
    },
  });
  return (
    <div style={{ padding: 24, fontFamily: "sans-serif" }}>
      <p data-testid="cancel-state">Booking {uid}: {state}</p>
      <button data-testid="cancel-booking" onClick={() => mutate({ uid, cancellationReason: "Plans changed" } as any)}>
        Cancel booking
      </button>
    </div>
  );
}

function App() {
  return (
    <CalProvider
      clientId={config.clientId}
      accessToken={config.accessToken}
      options={{ apiUrl: config.apiUrl, refreshUrl: config.refreshUrl }}
      autoUpdateTimezone={true}
      onTokenRefreshError={report("tokenRefreshError")}
    >
      {config.cancelUid ? (
        <CancelPanel uid={config.cancelUid} />
      ) : (
        <Booker
          username={config.username}
          eventSlug={config.eventSlug}
          rescheduleUid={config.rescheduleUid}
          onCreateBookingSuccess={report("bookingSuccess")}
          onCreateBookingError={report("bookingError")}
          onReserveSlotSuccess={report("reserveSuccess")}
          onReserveSlotError={report("reserveError")}
          onTimeslotsLoaded={report("timeslotsLoaded")}
        />
      )}
    </CalProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
