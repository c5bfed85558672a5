// The routes view: every route the server's workspace index found, with the statuses it can send,
// coloured by class, and its problems counted. The server does the work; this shapes tree items.
import {
  EventEmitter, MarkdownString, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window,
  type Disposable, type Event, type QuickPickItem, type TreeDataProvider,
} from 'vscode';

/** `httpStatusGuide/routes`: the index's routes; `complete` is false while it is still reading files. */
export const ROUTES_REQUEST = 'httpStatusGuide/routes';
/** Sent by the server whenever the index's routes change, so the view refreshes without polling. */
export const ROUTES_CHANGED_NOTIFICATION = 'httpStatusGuide/routesChanged';

interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface RouteStatus {
  code: number;
  uri: string;
  range: WireRange;
}

export interface RouteInfo {
  method: string;
  path: string;
  uri: string;
  range: WireRange;
  statuses: RouteStatus[];
  problems: number;
  /** False when no app in the workspace mounts the route's router: its path may lack a prefix. */
  rooted: boolean;
}

export interface RoutesResult {
  complete: boolean;
  routes: RouteInfo[];
  /** 'open documents' in a workspace without a folder on a file system: only open files are read. */
  scope?: 'workspace' | 'open documents';
}

export type RouteFilter = 'all' | 'problems' | '2xx' | '3xx' | '4xx' | '5xx';

const CLASS_COLORS: Readonly<Record<string, string>> = { 1: 'charts.foreground', 2: 'charts.green', 3: 'charts.blue', 4: 'charts.yellow', 5: 'charts.red' };

type Node = { kind: 'route'; route: RouteInfo } | { kind: 'status'; status: RouteStatus } | { kind: 'note'; text: string };

function toRange(range: WireRange): Range {
  return new Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function openAt(uri: string, range: WireRange) {
  return { command: 'vscode.open', title: 'Open', arguments: [Uri.parse(uri), { selection: toRange(range) }] };
}

/** Does the route pass the filter: has problems, or can send a status of the class? */
export function passes(route: RouteInfo, filter: RouteFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'problems') return route.problems > 0;
  return route.statuses.some((status) => `${Math.floor(status.code / 100)}xx` === filter);
}

export class RoutesView implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private filter: RouteFilter = 'all';

  constructor(private readonly fetchRoutes: () => Promise<RoutesResult>) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  currentFilter(): RouteFilter {
    return this.filter;
  }

  async chooseFilter(): Promise<void> {
    const choices: Array<QuickPickItem & { filter: RouteFilter }> = [
      { label: 'All routes', filter: 'all' },
      { label: 'Routes with problems', filter: 'problems' },
      { label: 'Routes that can send 2xx', filter: '2xx' },
      { label: 'Routes that can send 3xx', filter: '3xx' },
      { label: 'Routes that can send 4xx', filter: '4xx' },
      { label: 'Routes that can send 5xx', filter: '5xx' },
    ];
    const picked = await window.showQuickPick(choices, { placeHolder: 'Show which routes?' });
    if (picked) this.setFilter(picked.filter);
  }

  setFilter(filter: RouteFilter): void {
    this.filter = filter;
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'route') return node.route.statuses.map((status) => ({ kind: 'status', status }));
    if (node) return [];
    const { complete, routes, scope } = await this.fetchRoutes();
    const shown: Node[] = routes.filter((route) => passes(route, this.filter)).map((route) => ({ kind: 'route', route }));
    if (scope === 'open documents') shown.unshift({ kind: 'note', text: 'Routes of open documents only: this workspace has no folder on disk.' });
    if (!complete) shown.push({ kind: 'note', text: 'Still reading the workspace…' });
    else if (shown.length === 0) shown.push({ kind: 'note', text: routes.length === 0 ? 'No routes found in this workspace.' : 'No route matches the filter.' });
    return shown;
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'note') return new TreeItem(node.text, TreeItemCollapsibleState.None);
    if (node.kind === 'status') {
      const { status } = node;
      const item = new TreeItem(String(status.code), TreeItemCollapsibleState.None);
      item.iconPath = new ThemeIcon('circle-filled', new ThemeColor(CLASS_COLORS[String(status.code)[0]] ?? 'charts.foreground'));
      item.command = openAt(status.uri, status.range);
      item.contextValue = 'httpStatusGuide.status';
      return item;
    }
    const { route } = node;
    const item = new TreeItem(`${route.method.toUpperCase()} ${route.path}`, route.statuses.length > 0 ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
    const codes = [...new Set(route.statuses.map((status) => status.code))].sort((a, b) => a - b);
    const problems = route.problems > 0 ? `${route.problems} problem${route.problems === 1 ? '' : 's'}` : '';
    item.description = [codes.join(' · '), problems, route.rooted ? '' : '(mount prefix unknown)'].filter(Boolean).join('  ');
    item.iconPath = route.problems > 0 ? new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground')) : new ThemeIcon('symbol-method');
    item.tooltip = new MarkdownString(`**${route.method.toUpperCase()} ${route.path}**\n\nCan send: ${codes.join(', ') || 'no status the code shows'}`);
    item.command = openAt(route.uri, route.range);
    item.contextValue = route.problems > 0 ? 'httpStatusGuide.routeWithProblems' : 'httpStatusGuide.route';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
