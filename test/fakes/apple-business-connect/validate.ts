/**
 * The fake's inline validation of `locationDetails`, in the shape Apple reports it: a list of
 * { code: "VALIDATION__<Rule>", severity: "VIOLATION", message }. The rules are the ones Apple's
 * guidance pages state (one primary display name, E.164 phones, HH:MM 00-24 times, http(s) URLs,
 * status dates); the rule names follow Apple's naming, the exact names are the fake's own.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Violation {
  code: string;
  severity: 'VIOLATION';
  message: string;
}

export const DESCRIPTION_MAX = 500;
export const NAME_MAX = 100;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const TIME = /^(?:[01]\d|2[0-4]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const CATEGORY = /^[a-z_]+(?:\.[a-z_]+)+$/;

function hoursOk(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every((d) => isObject(d) && typeof d.day === 'string' && DAYS.includes(d.day) && Array.isArray(d.times) && d.times.every((t) => isObject(t) && typeof t.startTime === 'string' && TIME.test(t.startTime) && typeof t.endTime === 'string' && TIME.test(t.endTime)));
}

export function validateDetails(d: JsonObject): Violation[] {
  const out: Violation[] = [];
  const v = (code: string, message: string) => out.push({ code: `VALIDATION__${code}`, severity: 'VIOLATION', message });
  if (typeof d.partnersLocationId !== 'string' || d.partnersLocationId === '') v('PartnersLocationIdRequired', 'partnersLocationId is required');
  if (typeof d.brandId !== 'string') v('BrandIdRequired', 'brandId is required');
  const names = Array.isArray(d.displayNames) ? d.displayNames.filter(isObject) : [];
  if (names.filter((n) => n.primary === true).length !== 1) v('LocationPrimaryDisplayNamesCount', 'Exactly one display name must be primary');
  if (names.some((n) => typeof n.name !== 'string' || n.name.length > NAME_MAX || typeof n.locale !== 'string')) v('DisplayNamesInvalid', `Display names need a name of at most ${NAME_MAX} characters and a locale`);
  if (!isObject(d.mainAddress) && !isObject(d.displayPoint)) v('MainAddressOrDisplayPointRequired', 'A main address or a display point is required');
  if (d.phoneNumbers !== undefined && !(Array.isArray(d.phoneNumbers) && d.phoneNumbers.every((p) => isObject(p) && typeof p.phoneNumber === 'string' && /^\+\d{4,15}$/.test(p.phoneNumber)))) {
    v('PhoneNumberFormatInvalid', 'Phone numbers must be E.164 with a leading +');
  }
  if (d.urls !== undefined && !(Array.isArray(d.urls) && d.urls.every((u) => isObject(u) && typeof u.url === 'string' && /^https?:\/\/\S+$/.test(u.url)))) v('UrlInvalid', 'URLs must be http or https');
  const texts = Array.isArray(d.locationDescriptions) ? d.locationDescriptions.filter(isObject).flatMap((x) => (Array.isArray(x.descriptions) ? x.descriptions.filter(isObject) : [])) : [];
  if (texts.some((t) => typeof t.text !== 'string' || [...t.text].length > DESCRIPTION_MAX)) v('LocationDescriptionsTextTooLong', `Descriptions must be at most ${DESCRIPTION_MAX} characters`);
  if (d.openingHoursByDay !== undefined && !hoursOk(d.openingHoursByDay)) v('OpeningHoursByDayInvalid', 'Opening hours must be HH:MM between 00:00 and 24:00');
  if (d.specialHours !== undefined) {
    const ok = Array.isArray(d.specialHours) && d.specialHours.every((s) => isObject(s) && typeof s.startDate === 'string' && DATE.test(s.startDate) && typeof s.endDate === 'string' && DATE.test(s.endDate) && (s.closed === true || hoursOk(s.hoursByDay)));
    if (!ok) v('SpecialHoursInvalid', 'Special hours need dates and, unless closed, hours by day');
  }
  if (!Array.isArray(d.categories) || d.categories.length === 0 || !d.categories.every((c) => typeof c === 'string' && CATEGORY.test(c))) v('LocationCategoriesInvalid', 'At least one Apple category is required');
  const status = isObject(d.locationStatus) ? d.locationStatus : null;
  if (status) {
    if (!['OPEN', 'CLOSED', 'TEMPORARILY_CLOSED', 'OPENING_SOON'].includes(String(status.status))) v('LocationStatusInvalid', 'Unknown location status');
    if (status.status === 'TEMPORARILY_CLOSED' && !(typeof status.reopenDate === 'string' && DATE.test(status.reopenDate))) v('ReopenDateRequired', 'A temporarily closed location needs a reopenDate');
    if (status.status === 'OPENING_SOON' && !(typeof status.openingDate === 'string' && DATE.test(status.openingDate))) v('OpeningDateRequired', 'An opening-soon location needs an openingDate');
  }
  return out;
}
