/** The values of a manual task, as a person types them into the platform's own form. */
import { describe, expect, it } from 'vitest';
import { catalogManifests } from '../../connectors/catalog/index.ts';
import { displayValue, wordsFor } from '../../src/listings/manualValues.ts';

const manifest = (id: string) => catalogManifests().find((m) => m.id === id)!;
const hours = {
  days: [
    { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] },
    { day: 'SATURDAY', intervals: [{ open: '00:00', close: '24:00' }] },
  ],
  osm: 'unused',
};

describe('manual task values', () => {
  it('speaks Japanese to a platform that serves Japan alone: 翌 for past midnight, 定休日 for closed days', () => {
    const ja = wordsFor(manifest('tabelog'));
    expect(displayValue(ja, 'hours', hours)).toBe('月 11:00〜15:00、17:00〜翌2:00\n土 00:00〜24:00\n定休日 火・水・木・金・日');
    expect(displayValue(ja, 'status', { status: 'CLOSED_TEMPORARILY', date: '2027-03-01' })).toBe('臨時休業 (2027-03-01)');
    expect(ja.labels.hours).toBe('営業時間');
  });

  it('speaks English elsewhere, and marks a close after midnight as the next day', () => {
    const en = wordsFor(manifest('checkatrade'));
    expect(displayValue(en, 'hours', hours)).toBe('Mon 11:00–15:00, 17:00–02:00 (next day)\nSat 00:00–24:00\nClosed Tue, Wed, Thu, Fri, Sun');
    expect(displayValue(en, 'specialHours', { entries: [{ startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] }] })).toBe('2026-12-31 – 2027-01-02: closed');
    expect(displayValue(en, 'phone', { e164: '+442071234567', national: '020 7123 4567' })).toBe('020 7123 4567');
  });
});
