import { selectedShown, toggled, toggledAll } from './selection';

describe('row selection', () => {
  it('ticks and unticks one row', () => {
    const once = toggled(new Set(), 'a');
    expect([...once]).toEqual(['a']);
    expect([...toggled(once, 'a')]).toEqual([]);
  });

  it('ticks every row, then unticks them all', () => {
    const all = toggledAll(new Set(['a']), ['a', 'b', 'c']);
    expect([...all].sort()).toEqual(['a', 'b', 'c']);
    expect([...toggledAll(all, ['a', 'b', 'c'])]).toEqual([]);
  });

  it('keeps ticks of rows not shown when ticking all shown', () => {
    expect([...toggledAll(new Set(['z']), ['a'])].sort()).toEqual(['a', 'z']);
  });

  it('sends only ticked rows that are shown, in table order', () => {
    expect(selectedShown(new Set(['c', 'a', 'z']), ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });
});
