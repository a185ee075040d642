import { idOf, overlayNames, readRendered, type Manifest } from '../manifests';

export const OVERLAYS = overlayNames();

/** The overlay the negative tests break copies of. */
export const FIXTURE_OVERLAY = 'production';

/** A fresh copy of the fixture overlay with one deliberate fault. */
export function broken(fault: (manifests: Manifest[]) => void): Manifest[] {
  const manifests = readRendered(FIXTURE_OVERLAY);
  fault(manifests);
  return manifests;
}

/** The object `Kind/name` (the fixture's names, e.g. `Deployment/shiplink-ingress`). */
export function object<T>(manifests: Manifest[], id: string): T & Manifest {
  const found = manifests.find((manifest) => idOf(manifest) === id);
  if (!found) throw new Error(`${id} is not in the fixture overlay`);
  return found as T & Manifest;
}

export const remove = (manifests: Manifest[], id: string) =>
  manifests.splice(manifests.indexOf(object(manifests, id)), 1);
