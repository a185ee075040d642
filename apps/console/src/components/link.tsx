import type { AnchorHTMLAttributes } from 'react';
import { useLinkClick } from '../hooks/use-route';

/** A link to another console screen, followed without reloading the page. */
export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = useLinkClick(to);
  return <a href={to} onClick={onClick} {...rest} />;
}
