// The Booker renders the generic calendar DatePicker without `onChange` (nor the bookable dates), which throws on
// the first render. Cal.com's web app wraps it (packages/features/bookings/Booker/components/DatePicker.tsx) to
// read and write the Booker store; this is that wrapper.
import dayjs, { type Dayjs } from "dayjs";
import { shallow } from "zustand/shallow";
import { useBookerStoreContext } from "atoms-dist/booker/booker-store-provider.js";
import { DatePicker as CalendarDatePicker } from "atoms-dist/calendar-view/components/date-picker.js";

type Slots = Record<string, { away?: boolean }[]>;
type Props = Record<string, unknown> & { event?: { data?: { subsetOfUsers?: { weekStart?: string }[] } }; slots?: Slots; isLoading?: boolean };

const WEEK_DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function DatePicker({ event, slots, isLoading, onDateChange, ...rest }: Props & { onDateChange?: () => void }) {
  const [month, selectedDate] = useBookerStoreContext((state: any) => [state.month, state.selectedDate], shallow);
  const [setSelectedDate, setMonth, setDayCount] = useBookerStoreContext(
    (state: any) => [state.setSelectedDate, state.setMonth, state.setDayCount],
    shallow,
  );
  const includedDates = Object.entries(slots ?? {})
    .filter(([, daySlots]) => daySlots.some((slot) => !slot.away))
    .map(([date]) => date);
  const weekStart = Math.max(0, WEEK_DAYS.indexOf((event?.data?.subsetOfUsers?.[0]?.weekStart ?? "sunday").toLowerCase()));
  const Picker = CalendarDatePicker as any;
  return (
    <Picker
      {...rest}
      className="w-full"
      isLoading={isLoading}
      slots={slots}
      locale="en"
      includedDates={includedDates}
      weekStart={weekStart}
      browsingDate={month ? dayjs(month) : undefined}
      selected={selectedDate ? dayjs(selectedDate) : null}
      onChange={(date: Dayjs | null, omitUpdatingParams?: boolean) => {
        setSelectedDate({ date: date === null ? null : date.format("YYYY-MM-DD"), omitUpdatingParams });
        onDateChange?.();
      }}
      onMonthChange={(date: Dayjs) => {
        setMonth(date.format("YYYY-MM"));
        setSelectedDate({ date: date.format("YYYY-MM-DD") });
        setDayCount?.(null);
      }}
    />
  );
}
