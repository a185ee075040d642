export { renderOrderPage } from './order-page';
export { renderLookupPage } from './lookup-page';
export { renderErrorPage, type ErrorKind } from './error-page';
export { isPageLocale, messagesFor } from './i18n';
export * from './model';
export { renderUnsubscribePage } from './unsubscribe-page';
