import { findKubectl, overlayNames, readRendered, renderedFiles, renderOverlay } from './manifests';

const kubectl = findKubectl(process.env.PATH ?? '');

describe('rendered overlays', () => {
  it('has a staging and a production overlay, each rendered once', () => {
    expect(overlayNames()).toEqual(expect.arrayContaining(['production', 'staging']));
    expect(renderedFiles()).toEqual(overlayNames().map((overlay) => `${overlay}.yaml`));
  });

  it.each(overlayNames())('parses rendered/%s.yaml into objects', (overlay) => {
    expect(readRendered(overlay).length).toBeGreaterThan(20);
  });

  const compare = kubectl ? it.each(overlayNames()) : it.skip.each(overlayNames());
  compare(
    kubectl
      ? 'rendered/%s.yaml is what kubectl kustomize renders now (pnpm --filter @shiplink/deploy render)'
      : 'rendered/%s.yaml is not compared with a fresh render: kubectl is not on PATH',
    (overlay) => {
      const fresh = renderOverlay(kubectl!, overlay);
      // Documents, not text: the checked-in file is also formatted by prettier.
      expect(readRendered(overlay)).toEqual(fresh);
    },
  );
});
