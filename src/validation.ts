import type { z } from "zod";
import { ApiError } from "./errors";

// Zod failures become one 400 naming every bad field: "<field> - <problem>, <field> - <problem>".
export function validationError(error: z.ZodError, target: string): ApiError {
  const errors = error.issues.map((issue) => ({
    property: issue.path.length ? issue.path.join(".") : target,
    message: issue.message,
    code: issue.code,
  }));
  const message = errors.map((e) => `${e.property} - ${e.message}`).join(", ");
  return new ApiError("BadRequestException", message, { target, errors });
}
