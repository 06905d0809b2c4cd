// The message catalogue outside React (exports, the command line): the same files the screens use.
import { createTranslator } from "next-intl";
import en from "../messages/en.json";
import ko from "../messages/ko.json";

export type CatalogueLocale = "ko" | "en";
type Messages = Record<string, Record<string, string>>;

/** The catalogue's messages for `locale`, by namespace. */
export function catalogue(locale: CatalogueLocale): Messages {
  return (locale === "ko" ? ko : en) as unknown as Messages;
}

/** A message from the catalogue, filled in (ICU: numbers and plurals formatted for the locale). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translatorFor(locale: CatalogueLocale): Translate {
  const t = createTranslator({ locale, messages: locale === "ko" ? ko : en });
  return (key, values) => t(key as never, values as never);
}
