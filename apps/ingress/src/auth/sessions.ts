import type { Request, Response } from 'express';
import type { ActiveSession, Repos } from '@shiplink/db';
import { newSecret, sha256 } from './secrets';

export const SESSION_COOKIE = 'shiplink_session';

export interface SessionConfig {
  /** Idle time after which a session ends; every use slides it forward. */
  ttlMs: number;
  /** Off only for plain-HTTP development: browsers drop Secure cookies from http:// pages. */
  secureCookies: boolean;
}

export interface OpenedSession {
  csrfToken: string;
  expiresAt: Date;
}

/** How often a session's expiry is slid forward, so a busy console writes once a minute. */
const TOUCH_EVERY_MS = 60_000;

/** The value of one cookie of the request, if present and sane. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header || header.length > 8_192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[\w-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * Console sessions: the cookie holds a random token (HttpOnly, SameSite=Lax, Secure), the
 * database only its SHA-256, beside a CSRF token the console sends back on unsafe requests.
 */
export class Sessions {
  constructor(
    private readonly repos: Repos,
    private readonly config: SessionConfig,
  ) {}

  /** Signs a user (or, with null, the platform operator) in and sets the cookie. */
  async open(res: Response, userId: string | null): Promise<OpenedSession> {
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + this.config.ttlMs);
    await this.repos.accounts.createSession({ id: sha256(token), userId, csrfToken, expiresAt });
    res.cookie(SESSION_COOKIE, token, this.cookieOptions(expiresAt));
    return { csrfToken, expiresAt };
  }

  /** The request's live session, its expiry (and the cookie's) slid forward when due. */
  async current(req: Request, res: Response): Promise<ActiveSession | undefined> {
    const token = cookieOf(req, SESSION_COOKIE);
    if (!token) return undefined;
    const session = await this.repos.accounts.findSession(sha256(token));
    if (session && Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      const expiresAt = new Date(Date.now() + this.config.ttlMs);
      await this.repos.accounts.touchSession(session.id, expiresAt);
      res.cookie(SESSION_COOKIE, token, this.cookieOptions(expiresAt));
    }
    return session;
  }

  async close(req: Request, res: Response): Promise<void> {
    const token = cookieOf(req, SESSION_COOKIE);
    if (token) await this.repos.accounts.revokeSession(sha256(token));
    res.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(new Date(0)), expires: undefined });
  }

  private cookieOptions(expires: Date) {
    return {
      httpOnly: true,
      secure: this.config.secureCookies,
      sameSite: 'lax' as const,
      path: '/',
      expires,
    };
  }
}
