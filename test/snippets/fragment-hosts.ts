// Fragment snippets (a RUN, a COPY + USER) are judged where a user would type them: in the final,
// shipped stage of a small Dockerfile that is itself clean, so every finding comes from the fragment.
const SLOT = '{{snippet}}';

export interface FragmentHost {
  /** A Dockerfile with `{{snippet}}` where the fragment goes. */
  dockerfile: string;
  /**
   * The host runs as root until the fragment switches user: the USER snippets are the fix, so without
   * them the root-user rule must fire (which proves the fragment is what makes the image non-root).
   */
  runsAsRootWithoutFragment: boolean;
}

export const FRAGMENT_HOSTS: Readonly<Record<string, FragmentHost>> = {
  'lw-apt-cache': {
    dockerfile: ['FROM debian:bookworm-slim', SLOT, 'USER nobody', 'CMD ["curl", "--version"]', ''].join('\n'),
    runsAsRootWithoutFragment: false,
  },
  'lw-pip-cache': {
    dockerfile: ['FROM python:3.12-slim-trixie', 'WORKDIR /app', SLOT, 'COPY . .', 'USER nobody', 'CMD ["python", "app.py"]', ''].join('\n'),
    runsAsRootWithoutFragment: false,
  },
  'lw-npm-cache': {
    dockerfile: ['FROM node:22-bookworm-slim', 'WORKDIR /app', SLOT, 'COPY . .', 'USER node', 'CMD ["node", "index.js"]', ''].join('\n'),
    runsAsRootWithoutFragment: false,
  },
  'lw-user-create': {
    dockerfile: ['FROM debian:bookworm-slim', 'WORKDIR /app', SLOT, 'CMD ["/app/server"]', ''].join('\n'),
    runsAsRootWithoutFragment: true,
  },
  'lw-user-nonroot': {
    dockerfile: [
      'FROM golang:1.25-bookworm AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /out/app .',
      '',
      'FROM gcr.io/distroless/static-debian12:debug',
      SLOT,
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
    runsAsRootWithoutFragment: true,
  },
};

/** The host with the fragment in its slot (the fragment's trailing newline, if any, is dropped). */
export function insertIntoHost(host: FragmentHost, fragment: string): string {
  return host.dockerfile.replace(SLOT, () => fragment.replace(/\n+$/, ''));
}

/** The host alone, its slot removed. */
export function emptyHost(host: FragmentHost): string {
  return host.dockerfile.replace(`${SLOT}\n`, '');
}
