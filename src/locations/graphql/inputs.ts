import { builder } from '../../graphql/builder.ts';
import { LocationStatusEnum, PhotoKindEnum, SocialNetworkEnum, WeekdayEnum } from './types.ts';

const LocalizedNameInput = builder.inputType('LocalizedNameInput', {
  fields: (f) => ({ locale: f.string({ description: 'BCP 47, e.g. "ja" or "en".' }), name: f.string() }),
});

const AddressInput = builder.inputType('AddressInput', {
  description: 'In a patch, only the given address fields change; null clears one.',
  fields: (f) => ({
    country: f.string({ description: 'ISO 3166-1 alpha-2.' }),
    postalCode: f.string({ required: false }),
    region: f.string({ required: false, description: 'Prefecture, state or province.' }),
    city: f.string({ required: false }),
    district: f.string({ required: false }),
    lines: f.stringList({ required: false }),
    building: f.string({ required: false }),
  }),
});

const TimeIntervalInput = builder.inputType('TimeIntervalInput', {
  fields: (f) => ({ open: f.string({ description: 'HH:MM' }), close: f.string({ description: 'HH:MM; 24:00 for midnight' }) }),
});

const DayHoursInput = builder.inputType('DayHoursInput', {
  fields: (f) => ({ day: f.field({ type: WeekdayEnum }), intervals: f.field({ type: [TimeIntervalInput] }) }),
});

const SpecialHoursInput = builder.inputType('SpecialHoursInput', {
  fields: (f) => ({
    startDate: f.field({ type: 'Date' }),
    endDate: f.field({ type: 'Date', required: false, description: 'Inclusive; defaults to startDate.' }),
    closed: f.boolean({ required: false, defaultValue: false }),
    intervals: f.field({ type: [TimeIntervalInput], required: false }),
  }),
});

const SocialProfileInput = builder.inputType('SocialProfileInput', {
  fields: (f) => ({ network: f.field({ type: SocialNetworkEnum }), url: f.string() }),
});

const AttributeInput = builder.inputType('AttributeInput', {
  fields: (f) => ({
    key: f.string({ description: 'See `attributeDefinitions`.' }),
    value: f.field({ type: 'JSON', description: 'A boolean, a string, or a list of strings, by the attribute kind.' }),
  }),
});

const PhotoInput = builder.inputType('PhotoInput', {
  fields: (f) => ({
    url: f.string(),
    kind: f.field({ type: PhotoKindEnum }),
    caption: f.string({ required: false }),
  }),
});

/**
 * The location's fields as input: create requires the identity fields, a patch requires
 * nothing, and both are validated by the one validator after merging.
 */
function locationFields(required: boolean) {
  return builder.inputType(required ? 'LocationInput' : 'LocationPatchInput', {
    description: required
      ? 'A whole location.'
      : 'Only the fields given change; null clears a field. Lists are replaced whole; the address merges field by field.',
    fields: (f) => ({
      storeCode: f.string({ required, description: 'Unique within the organisation: A-Z a-z 0-9 . _ -' }),
      name: f.string({ required }),
      localizedNames: f.field({ type: [LocalizedNameInput], required: false }),
      status: f.field({ type: LocationStatusEnum, required: false }),
      statusDate: f.field({ type: 'Date', required: false }),
      address: f.field({ type: AddressInput, required }),
      latitude: f.float({ required: false }),
      longitude: f.float({ required: false }),
      primaryPhone: f.string({ required: false, description: 'National format for the address country, or international.' }),
      additionalPhones: f.stringList({ required: false }),
      website: f.string({ required: false }),
      socialProfiles: f.field({ type: [SocialProfileInput], required: false }),
      primaryCategory: f.string({ required, description: 'A Tenpo category id (see `categories`).' }),
      additionalCategories: f.stringList({ required: false }),
      description: f.string({ required: false }),
      labels: f.stringList({ required: false }),
      regularHours: f.field({ type: [DayHoursInput], required: false }),
      specialHours: f.field({ type: [SpecialHoursInput], required: false }),
      attributes: f.field({ type: [AttributeInput], required: false }),
      photos: f.field({ type: [PhotoInput], required: false }),
    }),
  });
}

export const LocationInput = locationFields(true);
export const LocationPatchInput = locationFields(false);
