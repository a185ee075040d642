import { withNoteLines } from './staff-notes';

describe('withNoteLines', () => {
  it('adds lines after the merchant’s text, and starts the notes when there are none', () => {
    expect(withNoteLines('VIP customer\n', ['[Shiplink] a', '[Shiplink] b'])).toBe(
      'VIP customer\n[Shiplink] a\n[Shiplink] b',
    );
    expect(withNoteLines('', ['[Shiplink] a'])).toBe('[Shiplink] a');
  });
});
