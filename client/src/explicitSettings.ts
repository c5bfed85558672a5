// VS Code answers `workspace/configuration` with the manifest's defaults filled in; sent as they
// are, every default would override the project config file. The server gets only what the user
// set (user, workspace or folder settings, language-specific ones included), per key.
import { workspace, Uri, type WorkspaceConfiguration } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SECTION = 'httpStatusGuide';

/** The value the user set for `key` at the most specific level, or undefined. */
function explicitValue(configuration: WorkspaceConfiguration, key: string): unknown {
  const levels = configuration.inspect(key);
  if (!levels) return undefined;
  const ordered = [levels.globalValue, levels.globalLanguageValue, levels.workspaceValue, levels.workspaceLanguageValue, levels.workspaceFolderValue, levels.workspaceFolderLanguageValue];
  const set = ordered.filter((value) => value !== undefined);
  if (set.length === 0) return undefined;
  // `rules` is merged rule by rule across levels, as VS Code's own get() merges objects.
  const objects = set.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
  return objects ? Object.assign({}, ...set) : set[set.length - 1];
}

/** `{ rules: …, inlayHints: { enabled: … } }` from the keys the user set; `keys` as the manifest declares them. */
export function explicitSection(keys: readonly string[], scopeUri: string | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration(SECTION, scopeUri ? Uri.parse(scopeUri) : undefined);
  const section: Record<string, unknown> = {};
  for (const key of keys) {
    const value = explicitValue(configuration, key);
    if (value === undefined) continue;
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) section[head] = value;
    else section[head] = { ...(section[head] as object | undefined), [rest.join('.')]: value };
  }
  return section;
}

/** The client middleware that answers the server's `httpStatusGuide` requests with explicit values only. */
export function explicitSettingsMiddleware(manifestProperties: Record<string, unknown>): Middleware {
  const keys = Object.keys(manifestProperties)
    .filter((name) => name.startsWith(`${SECTION}.`))
    .map((name) => name.slice(SECTION.length + 1));
  return {
    workspace: {
      configuration: (params, token, next) => {
        if (!params.items.every((item) => item.section === SECTION)) return next(params, token);
        return params.items.map((item) => explicitSection(keys, item.scopeUri));
      },
    },
  };
}
