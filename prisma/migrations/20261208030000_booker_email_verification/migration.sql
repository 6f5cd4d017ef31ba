-- Cal.com's User.requiresBookerEmailVerification: a user who asks that anyone booking with their email address
-- proves it first (GET /v2/atoms/verification/email/check answers true for it). Same column, same default.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "requiresBookerEmailVerification" BOOLEAN NOT NULL DEFAULT false;
