import { describe, expect, it } from 'vitest';
import { normalizeEmail, type NormalizedEmail } from '../../../src/fraud/normalize/email.ts';

function value(raw: string): NormalizedEmail {
  const result = normalizeEmail(raw);
  if (!result.ok) throw new Error(`expected ${raw} to normalize, got ${result.reason}`);
  return result.value;
}

describe('normalizeEmail: the mailbox behind an address', () => {
  it.each([
    // written differently, same mailbox
    ['  Taro@Example.COM ', 'taro@example.com'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'taro@example.com'],
    ['x@例え.jp', 'x@xn--r8jz45g.jp'],
    ['x@example.com.', 'x@example.com'],
    // Gmail: plus tags and dots are ignored, googlemail.com is gmail.com
    ['Taro.Yamada+shop@gmail.com', 'taroyamada@gmail.com'],
    ['t.a.r.o.yamada@googlemail.com', 'taroyamada@gmail.com'],
    ['Ｔａｒｏ．Ｙａｍａｄａ＋ｓｈｏｐ＠ｇｏｏｇｌｅｍａｉｌ．ｃｏｍ', 'taroyamada@gmail.com'],
    // plus addressing where the provider supports it, and nowhere else
    ['taro+amazon@outlook.com', 'taro@outlook.com'],
    ['taro+a+b@hotmail.co.jp', 'taro@hotmail.co.jp'],
    ['taro+x@live.jp', 'taro@live.jp'],
    ['taro+x@icloud.com', 'taro@icloud.com'],
    ['taro+x@fastmail.com', 'taro@fastmail.com'],
    ['taro+x@proton.me', 'taro@proton.me'],
    ['taro+x@example.com', 'taro+x@example.com'],
    ['taro+x@docomo.ne.jp', 'taro+x@docomo.ne.jp'],
    // dots matter everywhere but Gmail
    ['taro.yamada@outlook.com', 'taro.yamada@outlook.com'],
    ['taro.yamada@yahoo.co.jp', 'taro.yamada@yahoo.co.jp'],
    // Apple's three domains are one namespace; Outlook's are not
    ['taro@me.com', 'taro@icloud.com'],
    ['taro+x@mac.com', 'taro@icloud.com'],
    ['taro@hotmail.com', 'taro@hotmail.com'],
    // Yahoo: '-keyword' disposable addresses collapse onto the base name; '+' is not a tag there
    ['base-shopping@yahoo.co.jp', 'base@yahoo.co.jp'],
    ['base-a-b@yahoo.com', 'base@yahoo.com'],
    ['base-news@ymail.com', 'base@ymail.com'],
    ['taro+x@yahoo.co.jp', 'taro+x@yahoo.co.jp'],
    ['taro-x@example.com', 'taro-x@example.com'],
    // legacy docomo/au addresses break RFC dot rules and are still real mailboxes
    ['taro..yamada.@docomo.ne.jp', 'taro..yamada.@docomo.ne.jp'],
    ['.taro@ezweb.ne.jp', '.taro@ezweb.ne.jp'],
  ])('%s → %s', (raw, canonical) => {
    expect(value(raw).canonical).toBe(canonical);
  });

  it('reports the domain after aliasing, so domain counters see one provider', () => {
    expect(value('x@googlemail.com').domain).toBe('gmail.com');
    expect(value('x@me.com').domain).toBe('icloud.com');
    expect(value('x@sub.example.co.jp').domain).toBe('sub.example.co.jp');
  });
});

describe('normalizeEmail: disposable and free-mail flags', () => {
  it.each([
    // [address, disposable, freeMail]
    ['a@mailinator.com', true, false],
    ['a@guerrillamail.com', true, false],
    ['a@yopmail.com', true, false],
    ['a@inbox.mailinator.com', true, false], // subdomains of a listed domain
    ['a@mailinator.com.example.org', false, false], // a suffix match, not a substring match
    ['a@gmail.com', false, true],
    ['a@googlemail.com', false, true],
    ['a@yahoo.co.jp', false, true],
    ['a@yahoo.com', false, true],
    ['a@docomo.ne.jp', false, true],
    ['a@ezweb.ne.jp', false, true],
    ['a@biz.ezweb.ne.jp', false, true],
    ['a@au.com', false, true],
    ['a@softbank.ne.jp', false, true],
    ['a@i.softbank.jp', false, true],
    ['a@t.vodafone.ne.jp', false, true],
    ['a@outlook.jp', false, true],
    ['a@hotmail.co.jp', false, true],
    ['a@icloud.com', false, true],
    ['a@me.com', false, true],
    ['a@tenpo-retail.co.jp', false, false],
    ['a@softbank.jp', false, false], // only i.softbank.jp is the consumer service
  ])('%s: disposable=%s freeMail=%s', (raw, disposable, freeMail) => {
    const v = value(raw);
    expect(v.disposable).toBe(disposable);
    expect(v.freeMail).toBe(freeMail);
  });
});

describe('normalizeEmail: MALFORMED is a result, never a throw', () => {
  it.each([
    [''],
    ['   '],
    ['taro'],
    ['taro@'],
    ['@example.com'],
    ['taro@localhost'],
    ['taro@example'],
    ['taro@1.2.3.4'],
    ['taro yamada@example.com'],
    ['taro@exa mple.com'],
    ['taro@-example.com'],
    ['taro@example..com'],
    ['"taro"@example.com'],
    ['たろう@example.com'],
    [`${'a'.repeat(65)}@example.com`],
    [`a@${'b'.repeat(64)}.com`],
    ['+shop@gmail.com'], // nothing left once the tag is removed
    ['...@gmail.com'],
    ['-news@yahoo.co.jp'],
  ])('%j', (raw) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});
