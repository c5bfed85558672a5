// The extension's settings, coerced once at the boundary: whatever the client sends, the server
// works with a complete, valid Settings object.
import type { AnalysisOptions, RuleSetting } from './analysis/types';
import { isRuleId } from './analysis/rules';
import { isFramework } from './analysis/adapters/frameworks';
import { globToRegExp } from './glob';

export interface Settings {
  enable: boolean;
  analysis: AnalysisOptions;
  inlayHints: boolean;
  /** Read the project's own modules a file imports by a relative path, for the helpers they export. */
  readImportedModules: boolean;
  include: RegExp[];
  exclude: RegExp[];
  /** Read the workspace in the background for routes, drift and workspace-wide problems. */
  workspaceIndex: boolean;
  /** The OpenAPI document's path relative to the workspace folder; empty: found by name. */
  openApiDocument: string;
}

const SEVERITIES = new Set<RuleSetting>(['off', 'hint', 'information', 'warning', 'error']);
export const DEFAULT_MAX_FILE_SIZE = 2_000_000;
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/*.min.js', '**/*.bundle.js'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function globs(value: unknown, fallback: string[]): RegExp[] {
  const list = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : fallback;
  return list.map((glob) => globToRegExp(glob));
}

/**
 * The settings a client gives at start: `{ httpStatusGuide: { … } }` as editors nest them, or the
 * section itself (`{ rules: { … } }`).
 */
export function initializationSection(options: unknown): unknown {
  const given = record(options);
  return 'httpStatusGuide' in given ? given.httpStatusGuide : given;
}

/**
 * `over` laid on `base`: the keys `over` sets win, `rules` merged rule by rule. A client answers
 * `workspace/configuration` with only what its user set (or null), so a start-up option survives
 * unless the user overrides that very key.
 */
export function overlaid(base: unknown, over: unknown): Record<string, unknown> {
  const under = record(base);
  const top = record(over);
  const defined = Object.fromEntries(Object.entries(top).filter(([, value]) => value !== undefined && value !== null));
  return { ...under, ...defined, rules: { ...record(under.rules), ...record(top.rules) } };
}

export function settingsFrom(raw: unknown): Settings {
  const section = record(raw);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(record(section.rules))) {
    if (isRuleId(id) && SEVERITIES.has(value as RuleSetting)) rules[id] = value as RuleSetting;
  }
  const maxFileSize = typeof section.maxFileSize === 'number' && section.maxFileSize > 0 ? section.maxFileSize : DEFAULT_MAX_FILE_SIZE;
  return {
    enable: section.enable !== false,
    analysis: { rules, validationStatus: section.validationStatus === 422 ? 422 : 400, lookupFailures: section.lookupFailures !== false, maxFileSize, frameworks: Array.isArray(section.frameworks) ? [...new Set(section.frameworks.filter(isFramework))] : [] },
    inlayHints: record(section.inlayHints).enabled === true,
    readImportedModules: section.readImportedModules !== false,
    include: globs(section.include, []),
    exclude: globs(section.exclude, DEFAULT_EXCLUDE),
    workspaceIndex: record(section.workspaceIndex).enabled !== false,
    openApiDocument: typeof record(section.openApi).document === 'string' ? (record(section.openApi).document as string) : '',
  };
}

/** Whether the document at `path` (a URI path) is analysed under these settings. */
export function isIncluded(settings: Pick<Settings, 'include' | 'exclude'>, path: string): boolean {
  if (settings.exclude.some((pattern) => pattern.test(path))) return false;
  return settings.include.length === 0 || settings.include.some((pattern) => pattern.test(path));
}
