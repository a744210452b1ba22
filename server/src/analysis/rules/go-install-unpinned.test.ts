import { testRule } from '../testing/rule-tester';
import rule from './go-install-unpinned';

const GOPLS =
  '`golang.org/x/tools/gopls@latest` builds whatever `@latest` points to on each build: install a version (`golang.org/x/tools/gopls@<version>`)';

testRule(rule, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    { name: 'a commit', code: 'FROM golang:1.23\nRUN go install github.com/org/tool/cmd/tool@4f8e1a1b2c3d\n' },
    { name: 'local packages', code: 'FROM golang:1.23\nRUN go install ./... && go install . && go install -ldflags "-s -w" ./cmd/app\n' },
    { name: 'a package resolved through go.mod', code: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go install github.com/org/tool/cmd/tool\n' },
    { name: 'go run is not an install', code: 'FROM golang:1.23\nRUN go run golang.org/x/tools/cmd/stringer@latest -type=Kind\n' },
    { name: 'a version in a variable', code: 'FROM golang:1.23\nARG GOPLS_VERSION=latest\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}\n' },
    { name: 'flag values are not packages', code: 'FROM golang:1.23\nRUN go install -tags latest -C /src ./cmd/app\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
      errors: [{ message: GOPLS, line: 2, column: 16, endColumn: 47 }],
      output: null,
    },
    {
      name: 'a branch and flags before the package',
      code: 'FROM golang:1.23 AS tools\nRUN CGO_ENABLED=0 go install -trimpath -ldflags=-s github.com/org/tool@main\n',
      errors: [{ message: /^`github.com\/org\/tool@main` builds whatever `@main` points to/, column: 52 }],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, CRLF',
      code: 'FROM golang:1.23\r\nRUN <<EOF\r\ngo install golang.org/x/tools/gopls@latest\r\nEOF\r\nONBUILD RUN go install golang.org/x/tools/gopls@latest\r\n',
      errors: [{ message: GOPLS, line: 3, column: 12 }, { message: GOPLS, line: 5, column: 24 }],
      output: null,
    },
  ],
});
