import { readRendered } from './manifests';
import { POLICIES } from './policies/index';
import { OVERLAYS } from './test/fixtures';

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const manifests = readRendered(overlay);

  it.each(Object.entries(POLICIES))('%s', (_name, policy) => {
    expect(policy(manifests)).toEqual([]);
  });
});
