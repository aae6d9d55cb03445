import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { CLI_TOKEN_FILE, SERVER_FILE } from '../server/startup.js';

/** A running server this CLI can talk to: its URL and a token (ATALAYA_TOKEN, or the one it left in the data folder). */
export interface Remote {
  url: string;
  token: string;
}

export function findRemote(config: Config): Remote | null {
  const serverFile = path.join(config.dataDir, SERVER_FILE);
  const url = process.env.ATALAYA_URL ?? (fs.existsSync(serverFile) ? (JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { url: string }).url : null);
  if (!url) return null;
  const tokenFile = path.join(config.dataDir, CLI_TOKEN_FILE);
  const token = process.env.ATALAYA_TOKEN ?? (fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim() : null);
  if (!token) return null;
  return { url, token };
}

export async function call<T>(remote: Remote, method: string, route: string, body?: unknown): Promise<{ status: number; data: T }> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${remote.token}` } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(remote.url + route, init);
  const text = await res.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, data: data as T };
}
