// Language server entry: everything LSP lives in lsp/, the only code that knows the protocol.
import { startLanguageServer } from './lsp/language-server';

startLanguageServer();
