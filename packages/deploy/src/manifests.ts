import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** docker/kubernetes in this checkout: the kustomize base, its overlays and their renders. */
export const KUBERNETES_DIR = path.resolve(__dirname, '../../../docker/kubernetes');
export const RENDERED_DIR = path.join(KUBERNETES_DIR, 'rendered');

/** One Kubernetes object as rendered; kind-specific fields are read through the model types. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** `Kind/name`, how messages name an object. */
export const idOf = (manifest: Manifest) =>
  `${manifest.kind}/${(manifest.metadata as Manifest['metadata'] | undefined)?.name}`;

export function overlayNames(): string[] {
  return readdirSync(path.join(KUBERNETES_DIR, 'overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function renderedFiles(): string[] {
  return readdirSync(RENDERED_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

/** Every document of a multi-document YAML text; a syntax error or a non-object fails loudly. */
export function parseManifests(text: string, source: string): Manifest[] {
  return parseAllDocuments(text).map((document, index) => {
    if (document.errors.length > 0) {
      throw new Error(`${source}, document ${index + 1}: ${document.errors[0]!.message}`);
    }
    const value: unknown = document.toJS();
    const manifest = value as Partial<Manifest> | null;
    if (!manifest || typeof manifest !== 'object' || !manifest.kind || !manifest.metadata?.name) {
      throw new Error(`${source}, document ${index + 1}: not a Kubernetes object`);
    }
    return manifest as Manifest;
  });
}

export function readRendered(overlay: string): Manifest[] {
  const file = path.join(RENDERED_DIR, `${overlay}.yaml`);
  return parseManifests(readFileSync(file, 'utf8'), path.relative(KUBERNETES_DIR, file));
}

/** The kubectl executable on PATH, if any (it renders kustomizations offline). */
export function findKubectl(searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'kubectl');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function renderOverlay(kubectl: string, overlay: string): Manifest[] {
  const dir = path.join(KUBERNETES_DIR, 'overlays', overlay);
  const text = execFileSync(kubectl, ['kustomize', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseManifests(text, `kubectl kustomize overlays/${overlay}`);
}
