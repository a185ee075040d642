import { gsm7Budget, smsSegments } from './segments';

describe('smsSegments', () => {
  it('keeps Finnish and Swedish text in GSM-7: ä ö å Ä Ö Å are in the basic set', () => {
    const text = 'Hei Äänekoski! Pakettisi on noudettavissa Åbo Ökokauppa -noutopisteestä, kiitos.';
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', units: [...text].length, segments: 1 });
  });

  it('fits 160 GSM-7 characters in one segment and splits at 153 beyond', () => {
    expect(smsSegments('a'.repeat(160)).segments).toBe(1);
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters twice (an escape and the character)', () => {
    expect(smsSegments('€ [x] {y} ~ | ^ \\')).toMatchObject({ encoding: 'GSM-7', units: 26 });
    expect(smsSegments('€'.repeat(80)).segments).toBe(1);
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('never splits an escape pair across segments', () => {
    // 152 septets, then a two-septet euro sign that cannot finish the first part.
    const body = `${'a'.repeat(152)}€${'b'.repeat(152)}`;
    expect(smsSegments(body)).toMatchObject({ units: 306, segments: 3 });
  });

  it('falls back to UCS-2 for characters outside GSM-7: 70 units, then 67 a part', () => {
    expect(smsSegments('Tere, õhtu!')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('š'.repeat(70)).segments).toBe(1);
    expect(smsSegments('š'.repeat(71)).segments).toBe(2);
    expect(smsSegments('š'.repeat(134)).segments).toBe(2);
  });

  it('counts an emoji as two UTF-16 units, and keeps the pair in one part', () => {
    expect(smsSegments('Paketti 📦')).toEqual({ encoding: 'UCS-2', units: 10, segments: 1 });
    expect(smsSegments(`${'x'.repeat(66)}📦${'y'.repeat(66)}`)).toMatchObject({
      units: 134,
      segments: 3,
    });
  });

  it('takes the lowercase ç out of GSM-7 (only Ç is in the basic set)', () => {
    expect(smsSegments('Ç').encoding).toBe('GSM-7');
    expect(smsSegments('ç').encoding).toBe('UCS-2');
  });

  it('answers 0 segments for an empty body', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});

describe('gsm7Budget', () => {
  it('is 160 septets for one segment and 153 a segment beyond', () => {
    expect(gsm7Budget(1)).toBe(160);
    expect(gsm7Budget(3)).toBe(459);
  });
});
