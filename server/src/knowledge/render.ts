// The one place that turns status facts into Markdown: hovers and the cheat sheet. All text
// rendered here is this module's own (it may contain deliberate `code` spans); text from a
// user's document must go through escapeMarkdown before it is combined with it.
import { GUIDE_FACTS } from './guideCodes';
import { MISTAKES, RULES_OF_THUMB } from './mistakes';
import { lookupStatus, reasonPhrase, statusInfo } from './registry';
import { CLIENT_ERROR_RETRY, SERVER_ERROR_RETRY } from './retry';
import { CLASS_LABELS } from './statusClass';
import type { GuideAdvice, HeaderAdvice, StatusClass, StatusInfo, StatusLink } from './types';

// Node's http module and Express 5's res.status() accept whole numbers in 100–999 only.
const NODE_MIN_STATUS = 100;
const NODE_MAX_STATUS = 999;

function titleLine(info: StatusInfo): string {
  const former = info.formerPhrase ? ` (formerly ${info.formerPhrase})` : '';
  return `**${info.code} ${info.phrase}**${former} · ${CLASS_LABELS[info.statusClass]}`;
}

function linksLine(links: readonly StatusLink[]): string {
  return links.map((link) => `[${link.title}](${link.url})`).join(' · ');
}

function headersText(headers: readonly HeaderAdvice[]): string {
  const required = headers.filter((header) => header.required).map((header) => `\`${header.name}\`: ${header.why}`);
  const optional = headers.filter((header) => !header.required).map((header) => `\`${header.name}\``);
  const parts = [...required];
  if (optional.length > 0) parts.push(`${required.length > 0 ? 'also ' : ''}${optional.join(', ')} (optional)`);
  return parts.join('; ');
}

function namedCode(code: number): string {
  const phrase = reasonPhrase(code);
  return phrase ? `${code} ${phrase}` : String(code);
}

function guideBullets(guide: GuideAdvice, retry: string): string[] {
  const bullets = [`- **Use it for:** ${guide.whenToUse}`, `- **Common mistake:** ${guide.mistake}`];
  if (guide.headers.length > 0) bullets.push(`- **Headers:** ${headersText(guide.headers)}`);
  if (guide.noBody) bullets.push('- **Body:** none; anything sent with it is dropped.');
  bullets.push(`- **Retry:** ${retry}`);
  if (guide.confusedWith.length > 0) {
    bullets.push(`- **Not to be confused with:** ${guide.confusedWith.map(namedCode).join(', ')}`);
  }
  return bullets;
}

function renderRegistered(info: StatusInfo): string {
  // Codes outside the guide get a compact hover: meaning and retry advice share one paragraph.
  const body = info.guide
    ? [info.meaning, '', ...guideBullets(info.guide, info.retry)]
    : [`${info.meaning} **Retry:** ${info.retry}`];
  return [titleLine(info), '', ...body, '', linksLine(info.links)].join('\n');
}

function renderUnregistered(code: number, statusClass: StatusClass, commonName: string | undefined): string {
  const known = commonName ? ` It is known as ${commonName}.` : '';
  const fallback = namedCode(Math.floor(code / 100) * 100);
  return (
    `**${code}** is not a registered HTTP status code.${known} ` +
    `Clients treat an unknown code like ${fallback}, the generic code of its class (${CLASS_LABELS[statusClass]}).`
  );
}

function renderOutOfRange(code: number): string {
  const shown = String(code);
  if (!Number.isInteger(code)) {
    return (
      `**${shown}** is not a whole number, so it cannot be a status code; ` +
      "Express 5's `res.status()` throws a TypeError for it."
    );
  }
  if (code < NODE_MIN_STATUS || code > NODE_MAX_STATUS) {
    return (
      `**${shown}** is outside 100–599, the range of HTTP status codes. ` +
      `Express 5's \`res.status()\` throws a RangeError for it, and Node's \`writeHead()\` rejects it too.`
    );
  }
  return (
    `**${shown}** is outside 100–599, so HTTP gives it no class. ` +
    'Node and Express accept it (they allow up to 999), but clients and proxies may reject or misread it.'
  );
}

/** Hover Markdown for any number a status might be: registered, unregistered or out of range. */
export function renderStatusMarkdown(code: number): string {
  const found = lookupStatus(code);
  switch (found.kind) {
    case 'registered':
      return renderRegistered(found.info);
    case 'unregistered':
      return renderUnregistered(found.code, found.statusClass, found.commonName);
    case 'out-of-range':
      return renderOutOfRange(found.code);
  }
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function tableRow(info: StatusInfo, whenToUse: string): string {
  const reference = info.links[0];
  const code = reference ? `[${info.code}](${reference.url})` : String(info.code);
  return `| ${code} | ${tableCell(info.phrase)} | ${tableCell(whenToUse)} |`;
}

function classSection(statusClass: StatusClass): string[] {
  const rows: string[] = [];
  for (const { code } of GUIDE_FACTS) {
    const info = statusInfo(code);
    if (info?.statusClass === statusClass && info.guide) rows.push(tableRow(info, info.guide.whenToUse));
  }
  if (rows.length === 0) return [];
  const header = ['| Code | Phrase | When to use it |', '| --- | --- | --- |'];
  return [`## ${CLASS_LABELS[statusClass]}`, '', ...header, ...rows, ''];
}

const CHEAT_SHEET_CLASSES: readonly StatusClass[] = ['success', 'redirection', 'client-error', 'server-error'];

/** A Markdown cheat sheet of the guide's codes, retry rules, rules of thumb and common mistakes. */
export function renderCheatSheet(): string {
  return [
    '# HTTP status code cheat sheet',
    '',
    'The status codes a Node.js API needs most, when to use each, and the rules behind them.',
    '',
    ...CHEAT_SHEET_CLASSES.flatMap(classSection),
    '## Retrying',
    '',
    `- **4xx:** ${CLIENT_ERROR_RETRY}`,
    `- **5xx:** ${SERVER_ERROR_RETRY}`,
    '',
    '## Rules of thumb',
    '',
    ...RULES_OF_THUMB.map((rule, index) => `${index + 1}. ${rule.text}`),
    '',
    '## Common mistakes',
    '',
    ...MISTAKES.map((mistake) => `- **${mistake.title}:** ${mistake.fix}`),
    '',
  ].join('\n');
}
