import { getViewer } from "@/lib/auth/viewer";
import { LanguageLinks } from "./LanguageLinks";

/**
 * The language switcher of the header: links that set the NEXT_LOCALE cookie (see LanguageLinks);
 * for a signed-in person the choice is also stored in their profile (users.language), the language
 * of their e-mails. getViewer() is cached per request: the header's own call costs nothing more.
 */
export async function LanguageSwitcher() {
  const viewer = await getViewer();
  return <LanguageLinks signedIn={viewer !== null} />;
}
