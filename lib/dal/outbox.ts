import "server-only";

/** Data-layer callers write e-mails through here (in their own transaction). */
export { enqueueMail } from "@/lib/mail/store";
