// Loads one record for a detail page by its URL id; a malformed or unknown id shows the not-found page.
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { idParam, tryParseParams } from "@/lib/query-params";

export async function loadOr404<T>(rawId: string, load: (id: number) => Promise<T>): Promise<T> {
  const parsed = tryParseParams(idParam, { id: rawId });
  if (!parsed.ok) notFound();
  try {
    return await load(parsed.data.id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
