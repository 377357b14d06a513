import type { LocationData, LocationField } from '../../src/locations/model.ts';

/**
 * An additional category a platform has no equivalent for is left out of what the platform is
 * sent, and the field reads NOT_SUPPORTED there, rather than holding the whole listing back:
 * removing the category in Tenpo would take it from every other platform too. A primary category
 * without an equivalent still needs a person.
 */
export function unmappedAdditional(loc: LocationData, equivalent: (category: string) => unknown): LocationField[] {
  return loc.additionalCategories.some((c) => !equivalent(c)) ? ['additionalCategories'] : [];
}
