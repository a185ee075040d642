export * from './model';
export { defaultTemplates } from './defaults';
export { renderEmail, renderSms } from './render';
export { validateTemplate, TEMPLATE_SIZE_LIMITS } from './validate';
export type { TemplateValidation, ValidateOptions } from './validate';
export { sampleContext, SAMPLE_STORE } from './samples';
export { templateCacheStats, TEMPLATE_CACHE_CAPACITY } from './compile';
export { formatDate, DATE_STYLES, type DateStyle } from './dates';
