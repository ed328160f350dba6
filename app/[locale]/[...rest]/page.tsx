import { notFound } from "next/navigation";

/** Any path no page matches: the localized not-found page (inside the [locale] layout). */
export default function CatchAll(): never {
  notFound();
}
