import { describe, expect, it } from 'vitest';
import { evidence, ruleIds, tokyoOrder, uid, useFraudSuite } from './support.ts';

const suite = useFraudSuite();

const SETTINGS = `fraudSettings { modules rulesetVersion }`;

describe('screenOrder', () => {
  it('passes an ordinary order and stores the decision with its input for audit', async () => {
    const order = tokyoOrder();
    const d = await suite.screen('Order', order);
    expect(d).toMatchObject({ kind: 'ORDER', externalId: order.orderId, verdict: 'OK', replayed: false, case: null });
    expect(d.score).toBeLessThan(40);
    expect(d.rulesetVersion).toMatch(/^default-/);
    expect(d.entities.map((e) => e.kind).sort()).toEqual(['ADDRESS', 'DEVICE', 'EMAIL', 'IP', 'NAME', 'PHONE']);
    // Identities are shown masked: the raw email is nowhere in what the API returns.
    expect(JSON.stringify(d.entities)).not.toContain((order.billing as { email: string }).email);

    const stored = await suite.gql(`query($id: ID!) { fraudDecision(id: $id) { input features } }`, { id: d.id });
    expect(stored.fraudDecision.input.billing.email).toBe((order.billing as { email: string }).email);
    expect(stored.fraudDecision.features['order.amount']).toBe(4800);
  });

  it('answers a repeat of an order id with the first decision, and meters it once', async () => {
    const org = await suite.newOrg();
    const order = tokyoOrder();
    const first = await suite.screen('Order', order, org.key);
    const again = await suite.screen('Order', { ...order, amount: 999_999 }, org.key);
    expect(again).toMatchObject({ id: first.id, verdict: first.verdict, score: first.score, replayed: true });
    const usage = await suite.gql(`query($id: ID!) { node(id: $id) { ... on Organization { fraudUsage { total included overage byKind { kind screenings } byModule { module screenings } } } } }`, { id: org.gid }, org.key);
    expect(usage.node.fraudUsage).toMatchObject({ total: 1, included: 1000, overage: 0 });
    expect(usage.node.fraudUsage.byKind).toContainEqual({ kind: 'ORDER', screenings: 1 });
    expect(usage.node.fraudUsage.byModule).toEqual([
      { module: 'ORDERS', screenings: 1 },
      { module: 'ACCESS', screenings: 0 },
      { module: 'REVIEWS', screenings: 0 },
    ]);
  });

  it('refuses bad input with typed errors, storing nothing', async () => {
    const order = tokyoOrder({ currency: 'yen', amount: -5 });
    const res = await suite.api.gql(`mutation($input: ScreenOrderInput!) { screenOrder(input: $input) { decision { id } errors { code path } } }`, { input: order }, suite.org.key);
    expect(res.data.screenOrder.decision).toBeNull();
    expect(res.data.screenOrder.errors).toEqual(
      expect.arrayContaining([
        { code: 'INVALID_INPUT', path: ['amount'] },
        { code: 'INVALID_INPUT', path: ['currency'] },
      ]),
    );
    const count = await suite.database.db.selectFrom('fraud_decisions').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', '=', String(order.orderId)).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('needs the orders module', async () => {
    const org = await suite.newOrg({ modules: ['LISTINGS', 'REVIEWS'] });
    const res = await suite.api.gql(`mutation($input: ScreenOrderInput!) { screenOrder(input: $input) { decision { id } errors { code message } } }`, { input: tokyoOrder() }, org.key);
    expect(res.data.screenOrder.errors[0]).toMatchObject({ code: 'MODULE_DISABLED' });
    expect(res.data.screenOrder.errors[0].message).toContain('ORDERS');
  });

  it('treats the four ways of writing one Japanese address as one identity', async () => {
    const org = await suite.newOrg();
    const lines = ['東京都港区赤坂４丁目３番地２号', '東京都港区赤坂4-3-2', '東京都港区赤坂四丁目3-2', '東京都港区赤坂４ー３－２'];
    const hashes = new Set<string>();
    let last;
    for (const line of lines) {
      last = await suite.screen('Order', tokyoOrder({ billing: { name: '佐藤 花子', address: { line } } }), org.key);
      hashes.add(last.entities.find((e) => e.kind === 'ADDRESS')!.hash);
    }
    expect(hashes.size).toBe(1);
    // Four orders to one address in a day is itself a signal.
    expect(evidence(last!, 'velocity.address')).toEqual({ 'velocity.address.24h': 4 });
  });

  it('sees one person behind several names: one phone, three names', async () => {
    const org = await suite.newOrg();
    const phone = '080-1111-2222';
    const names = ['鈴木 一郎', 'スズキ ジロウ', '田中 三郎'];
    let d;
    for (const name of names) d = await suite.screen('Order', tokyoOrder({ billing: { name, phone, address: { line: `大阪府大阪市北区梅田1-1-${names.indexOf(name) + 1}` } } }), org.key);
    expect(evidence(d!, 'graph.many_names')).toEqual({ 'graph.names_per_identity.30d': 3 });
  });

  it('flags forwarding services and hold-at-office deliveries, and addresses the organisation marked', async () => {
    const org = await suite.newOrg();
    const forwarding = await suite.screen('Order', tokyoOrder({ shipping: { name: '山田 太郎', address: { line: '千葉県市川市塩浜2-1-1 転送サービス株式会社 気付 A-1234' } } }), org.key);
    expect(evidence(forwarding, 'order.forwarding_address')).toMatchObject({ 'order.address_kind': 'FORWARDING' });

    // Collecting at a convenience store is ordinary in Japan; with deferred payment it is the classic 後払い fraud.
    const pickup = { name: '山田 太郎', address: { line: '東京都港区赤坂4-3-2 ファミリーマート赤坂店 営業所止め' } };
    const byCard = await suite.screen('Order', tokyoOrder({ paymentMethod: 'CARD', shipping: pickup }), org.key);
    expect(byCard.verdict).toBe('OK');
    expect(ruleIds(byCard)).not.toContain('order.address_mismatch');
    const deferred = await suite.screen('Order', tokyoOrder({ paymentMethod: 'DEFERRED', shipping: pickup }), org.key);
    expect(ruleIds(deferred)).toContain('order.pickup_deferred');

    const marked = await suite.gql(
      `mutation($input: AddFraudAddressKindInput!) { addFraudAddressKind(input: $input) { addressKind { kind premisesKey } errors { code } } }`,
      { input: { organizationId: org.gid, address: '東京都新宿区西新宿２丁目７番２号', kind: 'HOTEL', label: 'Hotel near our Shinjuku store' } },
      org.key,
    );
    expect(marked.addFraudAddressKind.errors).toEqual([]);
    const hotel = await suite.screen('Order', tokyoOrder({ shipping: { name: '山田 太郎', address: { line: '東京都新宿区西新宿2-7-2 1203号室' } } }), org.key);
    expect(evidence(hotel, 'order.temporary_address')).toMatchObject({ 'order.address_kind': 'HOTEL' });
  });

  it('counts orders per device within the hour', async () => {
    const org = await suite.newOrg();
    const device = { id: uid('shared-device'), userAgent: 'Mozilla/5.0', language: 'ja-JP', timezone: 'Asia/Tokyo' };
    let d;
    for (let i = 0; i < 5; i++) d = await suite.screen('Order', tokyoOrder({ context: { device } }), org.key);
    expect(evidence(d!, 'velocity.device')).toEqual({ 'velocity.device.1h': 5 });
  });

  it("compares the amount with the shop's normal once it has one", async () => {
    const org = await suite.newOrg();
    for (let i = 0; i < 40; i++) await suite.screen('Order', tokyoOrder({ amount: 3000 + ((i * 37) % 2000) }), org.key);
    const normal = await suite.screen('Order', tokyoOrder({ amount: 4200 }), org.key);
    expect(ruleIds(normal)).not.toContain('order.amount_unusual');
    const huge = await suite.screen('Order', tokyoOrder({ amount: 380_000 }), org.key);
    expect(Number(evidence(huge, 'order.amount_unusual')['order.amount_z'])).toBeGreaterThan(3);
  });

  it('shows its settings with the default ruleset in force', async () => {
    const data = await suite.gql(`query($id: ID!) { node(id: $id) { ... on Organization { ${SETTINGS} } } }`, { id: suite.org.gid });
    expect(data.node.fraudSettings.modules).toEqual(['LISTINGS', 'REVIEWS', 'ORDERS', 'ACCESS']);
    expect(data.node.fraudSettings.rulesetVersion).toMatch(/^default-/);
  });
});
