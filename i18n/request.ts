// Per-request message catalogue: the locale comes from the language cookie, Korean when unset.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./config";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Asia/Seoul",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
