import { fieldsToSave, templateLabel, templatePath } from './templates';

const original = { subject: 'Shipped', html: '<p>Hi</p>', text: 'Hi' };

describe('template saves', () => {
  it('sends the edited fields and keeps the others on the default', () => {
    expect(fieldsToSave(original, { ...original, subject: 'On its way' }, [])).toEqual({
      ok: true,
      fields: { subject: 'On its way' },
    });
  });

  it('sends a field the store had set even when it is unchanged', () => {
    expect(fieldsToSave(original, { ...original, text: 'Hello' }, ['subject'])).toEqual({
      ok: true,
      fields: { subject: 'Shipped', text: 'Hello' },
    });
  });

  it('says when nothing changed', () => {
    expect(fieldsToSave(original, original, [])).toEqual({
      ok: false,
      message: 'Nothing changed: the template is still the default.',
    });
  });

  it.each([
    [[], 'The template is a JSON object of fields.'],
    [{ subject: 3 }, 'subject must be text.'],
  ])('refuses %j', (edited, message) => {
    expect(fieldsToSave(original, edited, [])).toEqual({ ok: false, message });
  });

  it('names and locates a template', () => {
    const key = { trigger: 'shipped', channel: 'sms' as const, language: 'fi' };
    expect(templateLabel(key)).toBe('shipped sms fi');
    expect(templatePath('s 1', key)).toBe('s%201/notification-templates/shipped/sms/fi');
  });
});
