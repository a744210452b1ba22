// The option tables decide which words are packages: each case is a command line as people write it,
// and the words the pinning rules will judge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import { findInstallCalls, type InstallSyntax } from './pinning-command-line';
import {
  APK_ADD,
  APT_INSTALL,
  DNF_INSTALL,
  GEM_INSTALL,
  GO_INSTALL,
  NPM_INSTALL,
  PIP_INSTALL,
  YUM_INSTALL,
  ZYPPER_INSTALL,
} from './pinning-syntaxes';

/** The package words of each install call in `RUN <script>`; null entries for scripts with no call. */
function packagesOf(syntax: InstallSyntax, script: string): string[][] {
  const run = buildModel(`FROM debian:12\nRUN ${script}\n`).stages[0].instructions[1];
  assert.ok(run.script, 'the RUN has a script');
  return findInstallCalls(run.script, syntax).map((call) => call.packages.map((word) => word.value));
}

function expectPackages(syntax: InstallSyntax, cases: Record<string, string[][]>): void {
  for (const [script, expected] of Object.entries(cases)) {
    it(script, () => assert.deepEqual(packagesOf(syntax, script), expected));
  }
}

describe('apt install syntax', () => {
  expectPackages(APT_INSTALL, {
    'apt-get install -y --no-install-recommends curl git': [['curl', 'git']],
    'apt-get -t bookworm-backports install -y golang': [['golang']],
    'apt-get install -y -t bookworm-backports golang': [['golang']],
    'apt-get install -y --target-release bookworm-backports golang': [['golang']],
    'apt-get install -yt bookworm-backports golang': [['golang']],
    'apt-get -o Dpkg::Options::=--force-confold install -y curl': [['curl']],
    'apt-get -oDebug::pkgProblemResolver=yes install curl': [['curl']],
    'apt-get -qq -y install curl': [['curl']],
    'apt install -y curl && aptitude install -y git': [['curl'], ['git']],
    'apt-get update': [],
    'apt-get remove -y curl': [],
    'DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl': [['curl']],
    'apt-get install -y -- curl': [['curl']],
  });
});

describe('apk add syntax', () => {
  expectPackages(APK_ADD, {
    'apk add --no-cache curl': [['curl']],
    'apk add --no-cache --virtual .build-deps gcc musl-dev': [['gcc', 'musl-dev']],
    'apk add -t .deps gcc': [['gcc']],
    'apk add --virtual=.deps gcc': [['gcc']],
    'apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add foo': [['foo']],
    'apk add --repository https://dl-cdn.alpinelinux.org/alpine/edge/community nodejs': [['nodejs']],
    'apk --no-cache -U add curl': [['curl']],
    'apk del curl && apk update': [],
  });
});

describe('pip install syntax', () => {
  expectPackages(PIP_INSTALL, {
    'pip install flask': [['flask']],
    'pip3 install --no-cache-dir -U flask gunicorn': [['flask', 'gunicorn']],
    'pip3.12 install flask': [['flask']],
    'python3 -m pip install --upgrade pip': [['pip']],
    'python -m pip install -q flask': [['flask']],
    'pip install -i https://pypi.example.com/simple flask': [['flask']],
    'pip install --index-url https://pypi.example.com/simple --extra-index-url https://x/simple flask': [['flask']],
    'pip install -e . flask': [['flask']],
    'pip install -r requirements.txt': [[]],
    'pip install --target /deps --platform manylinux2014_x86_64 --python-version 3.12 flask': [['flask']],
    'pip install -f ./wheels --no-index app': [['app']],
    'pip --proxy http://proxy:3128 install flask': [['flask']],
    'pip --timeout 60 install flask': [['flask']],
    'pip freeze': [],
    'pip download flask': [],
  });
});

describe('npm install syntax', () => {
  expectPackages(NPM_INSTALL, {
    'npm install -g typescript': [['typescript']],
    'npm i -g pnpm@9': [['pnpm@9']],
    'npm install': [[]],
    'npm ci': [],
    'npm install --prefix /opt/tools eslint': [['eslint']],
    'npm install --registry https://registry.example.com -g yarn': [['yarn']],
    'npm install --omit dev': [[]],
    'npm install --loglevel=error -g npm@10.8.2': [['npm@10.8.2']],
    'npm -g install typescript': [['typescript']],
    'npm add -D vitest': [['vitest']],
    'npm install --some-future-option value typescript': [['typescript']],
    'npm install --save-exact --global typescript': [['typescript']],
    'npm install --no-save typescript': [['typescript']],
  });
});

describe('gem install syntax', () => {
  expectPackages(GEM_INSTALL, {
    'gem install bundler': [['bundler']],
    'gem install --no-document bundler -v 2.5.22': [['bundler']],
    'gem install -i /gems -n /usr/local/bin rake': [['rake']],
    'gem i rails --source https://rubygems.example.com': [['rails']],
    'gem update --system': [],
  });
});

describe('go install syntax', () => {
  expectPackages(GO_INSTALL, {
    'go install golang.org/x/tools/gopls@latest': [['golang.org/x/tools/gopls@latest']],
    'go install -ldflags "-s -w" -tags netgo ./cmd/app': [['./cmd/app']],
    'go install -race -v ./...': [['./...']],
    'go install -C /src -trimpath .': [['.']],
    'go run golang.org/x/tools/cmd/stringer@v0.26.0': [],
    'go build -o /out/app .': [],
  });
});

describe('yum and dnf install syntax', () => {
  expectPackages(YUM_INSTALL, {
    'yum install -y httpd': [['httpd']],
    'yum --enablerepo epel install -y jq': [['jq']],
    'yum install -y --setopt tsflags=nodocs -x kernel* httpd': [['httpd']],
    'yum module install -y nodejs': [['nodejs']],
    'yum clean all': [],
  });
  expectPackages(DNF_INSTALL, {
    'dnf install -y --nodocs --setopt install_weak_deps=False httpd': [['httpd']],
    'microdnf install -y --enablerepo crb ruby': [['ruby']],
    'dnf -y --disablerepo=* --enablerepo fedora install httpd': [['httpd']],
    'dnf module install -y nodejs:20': [['nodejs:20']],
    'dnf5 in -y git': [['git']],
  });
});

describe('zypper install syntax', () => {
  expectPackages(ZYPPER_INSTALL, {
    'zypper install -y curl': [['curl']],
    'zypper --non-interactive in curl': [['curl']],
    'zypper -D /etc/zypp/repos.d in -D curl': [['curl']],
    'zypper --root /mnt install -r oss curl': [['curl']],
    'zypper -t in -t pattern devel_basis': [['devel_basis']],
    'zypper refresh': [],
  });
});
