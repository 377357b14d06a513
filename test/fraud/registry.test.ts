import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeJapaneseAddress } from '../../src/fraud/normalize/address.ts';
import { useFraudSuite } from './support.ts';

// A cut-down copy of geolonia's Address Base Registry data, in its published format.
const REGISTRY = pathToFileURL(new URL('./normalize/fixtures/geolonia/api/ja', import.meta.url).pathname).href;

const suite = useFraudSuite({ addressRegistry: REGISTRY });

describe('with an address registry configured (TENPO_JA_ADDRESS_DATA)', () => {
  it('reads an address typed without its prefecture as the same place, which the lexical reading cannot', async () => {
    const full = '長野県北安曇郡白馬村大字北城3020番地の1';
    const short = '白馬村大字北城3020-1';
    expect(normalizeJapaneseAddress(full).key).not.toBe(normalizeJapaneseAddress(short).key);

    const a = await suite.screen('Signup', { person: { name: '山田 太郎', address: { line: full } } });
    const b = await suite.screen('Signup', { person: { name: '山田 花子', address: { line: short } } });
    const hash = (d: typeof a) => d.entities.find((e) => e.kind === 'ADDRESS')!.hash;
    expect(hash(a)).toBe(hash(b));
  });

  it('blocks an address entered in the list the way screenings read it', async () => {
    const added = await suite.gql(
      `mutation($input: AddFraudListEntryInput!) { addFraudListEntry(input: $input) { entry { display } errors { code } } }`,
      { input: { organizationId: suite.org.gid, list: 'BLOCK', kind: 'ADDRESS', value: '白馬村北城3020-1', reason: 'reshipper' } },
    );
    expect(added.addFraudListEntry).toEqual({ entry: { display: '長野県白馬村北城' }, errors: [] });
    const d = await suite.screen('Order', { orderId: 'reg-1', amount: 5000, currency: 'JPY', billing: { name: '佐藤', address: { line: '長野県北安曇郡白馬村北城3020番地1' } } });
    expect(d.verdict).toBe('NG');
  });
});
