-- AlterTable
ALTER TABLE "SelectedSlots" ADD COLUMN     "reservedByUserId" INTEGER;
