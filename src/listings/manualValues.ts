import type { JsonValue } from '../../connectors/runtime/connector.ts';
import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';

/**
 * The values of a manual task as a person types them into a platform's form, in the platform's
 * language: a Japanese site gets 月 11:00〜15:00、17:00〜翌2:00, not an English day list.
 */
export interface Words {
  labels: Readonly<Record<string, string>>;
  days: Readonly<Record<string, string>>;
  range(open: string, close: string, nextDay: boolean): string;
  closedOn(days: string[]): string;
  closed: string;
  statuses: Readonly<Record<string, string>>;
  listSeparator: string;
}

const EN: Words = {
  labels: {
    name: 'Business name',
    localizedNames: 'Name in other languages',
    status: 'Status',
    address: 'Address',
    coordinates: 'Map position',
    phone: 'Phone',
    additionalPhones: 'Other phones',
    website: 'Website',
    socialProfiles: 'Social profiles',
    categories: 'Category',
    description: 'Description',
    labels: 'Labels',
    hours: 'Opening hours',
    specialHours: 'Special hours',
    attributes: 'Attributes',
    photos: 'Photos',
  },
  days: { MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun' },
  // Closing at or before opening is the next day: say so, since forms often need it ticked.
  range: (open, close, nextDay) => `${open}–${close}${nextDay ? ' (next day)' : ''}`,
  closedOn: (days) => `Closed ${days.join(', ')}`,
  closed: 'closed',
  statuses: { OPEN: 'Open', CLOSED_TEMPORARILY: 'Temporarily closed', CLOSED_PERMANENTLY: 'Permanently closed', OPENING_SOON: 'Opening soon' },
  listSeparator: ', ',
};

const JA: Words = {
  labels: {
    name: '店舗名',
    localizedNames: '他言語の店舗名',
    status: '営業状況',
    address: '住所',
    coordinates: '地図の位置（緯度, 経度）',
    phone: '電話番号',
    additionalPhones: 'その他の電話番号',
    website: 'ウェブサイト',
    socialProfiles: 'SNS',
    categories: 'ジャンル',
    description: '店舗紹介',
    labels: 'ラベル',
    hours: '営業時間',
    specialHours: '特別営業時間',
    attributes: '設備・サービス',
    photos: '写真',
  },
  days: { MONDAY: '月', TUESDAY: '火', WEDNESDAY: '水', THURSDAY: '木', FRIDAY: '金', SATURDAY: '土', SUNDAY: '日' },
  // 翌2:00 is how Japanese sites write a close after midnight.
  range: (open, close, nextDay) => `${open}〜${nextDay ? `翌${close.replace(/^0/, '')}` : close}`,
  closedOn: (days) => `定休日 ${days.join('・')}`,
  closed: '休業',
  statuses: { OPEN: '営業中', CLOSED_TEMPORARILY: '臨時休業', CLOSED_PERMANENTLY: '閉店', OPENING_SOON: '開店予定' },
  listSeparator: '、',
};

/** Japanese for platforms that serve Japan alone (their forms are Japanese), English otherwise. */
export function wordsFor(manifest: ConnectorManifest): Words {
  return manifest.countries !== 'GLOBAL' && manifest.countries.length === 1 && manifest.countries[0] === 'JP' ? JA : EN;
}

type JsonObject = { [key: string]: JsonValue };
const obj = (v: JsonValue | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {});
const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);

function intervals(w: Words, value: JsonValue | undefined): string {
  return list(value)
    .map((i) => {
      const { open, close } = obj(i) as { open: string; close: string };
      return w.range(open, close, close <= open);
    })
    .join(w.listSeparator);
}

export function displayValue(w: Words, key: string, value: JsonValue): string {
  switch (key) {
    case 'address':
      return String(obj(value).formatted ?? '');
    case 'phone':
      return String(obj(value).national ?? obj(value).e164 ?? '');
    case 'categories': {
      const c = obj(value);
      return [c.primary, ...list(c.additional)].filter(Boolean).join(w.listSeparator);
    }
    case 'hours': {
      const days = list(obj(value).days).filter((d) => list(obj(d).intervals).length > 0);
      const open = new Set(days.map((d) => String(obj(d).day)));
      const closed = Object.keys(w.days).filter((d) => !open.has(d)).map((d) => w.days[d]!);
      const lines = days.map((d) => `${w.days[String(obj(d).day)]} ${intervals(w, obj(d).intervals)}`);
      return [...lines, ...(closed.length > 0 ? [w.closedOn(closed)] : [])].join('\n');
    }
    case 'specialHours':
      return list(obj(value).entries)
        .map((e) => {
          const x = obj(e);
          const dates = x.startDate === x.endDate ? String(x.startDate) : `${x.startDate} – ${x.endDate}`;
          return `${dates}: ${x.closed ? w.closed : intervals(w, x.intervals)}`;
        })
        .join('\n');
    case 'status': {
      const s = obj(value);
      const label = w.statuses[String(s.status)] ?? String(s.status);
      return s.date ? `${label} (${s.date})` : label;
    }
    case 'coordinates':
      return `${obj(value).latitude}, ${obj(value).longitude}`;
    case 'localizedNames':
      return Object.entries(obj(value)).map(([locale, name]) => `${locale}: ${String(name)}`).join('\n');
    case 'photos':
    case 'socialProfiles':
      return list(value).map((p) => String(obj(p).url)).join('\n');
    case 'attributes':
      return list(value).map((a) => `${obj(a).key}: ${JSON.stringify(obj(a).value)}`).join('\n');
    default:
      return Array.isArray(value) ? value.join(w.listSeparator) : String(value);
  }
}
