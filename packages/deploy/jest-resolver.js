// kubernetes-models and its KEDA models ship ES modules only (an `import` condition, no
// `require`): resolve that entry for them alone; SWC compiles them to CommonJS like the tests.
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/)/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: ['import', ...options.conditions] }
      : options,
  );
