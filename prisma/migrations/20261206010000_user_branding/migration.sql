-- Users: Cal.com's branding and booking-preference columns (the org users routes read and write them).
ALTER TABLE "users" ADD COLUMN "brandColor" TEXT,
    ADD COLUMN "darkBrandColor" TEXT,
    ADD COLUMN "hideBranding" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "theme" TEXT,
    ADD COLUMN "appTheme" TEXT,
    ADD COLUMN "allowDynamicBooking" BOOLEAN DEFAULT true,
    ADD COLUMN "verified" BOOLEAN DEFAULT false,
    ADD COLUMN "invitedTo" INTEGER;
