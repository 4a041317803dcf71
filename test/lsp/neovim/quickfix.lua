-- Neovim's own LSP client against `derivcheck --stdio`, headless: open a copy of the seed-004 note as Markdown,
-- wait for its diagnostics, take the refuted claim's preferred quick fix, apply its edit, and wait for the
-- diagnostic to go. What happened is written as JSON to $DERIVCHECK_RESULT; Neovim exits 0 on success, 1 otherwise.
-- Runs on Debian's Neovim 0.7 (vim.lsp.start_client) and on later ones (vim.lsp.start).
local root = assert(os.getenv('DERIVCHECK_ROOT'), 'DERIVCHECK_ROOT is not set')
local note = assert(os.getenv('DERIVCHECK_NOTE'), 'DERIVCHECK_NOTE is not set')
local result_path = assert(os.getenv('DERIVCHECK_RESULT'), 'DERIVCHECK_RESULT is not set')
local result = { steps = {} }

local function finish(ok, message)
  result.ok = ok
  result.message = message
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function step(name) table.insert(result.steps, name) end

local function check(ok, message)
  if not ok then finish(false, message) end
  return ok
end

local run = coroutine.wrap(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  vim.bo.filetype = 'markdown'
  local buf = vim.api.nvim_get_current_buf()
  local config = { name = 'derivcheck', cmd = { 'node', root .. '/dist/cli.js', '--stdio' }, root_dir = vim.fn.fnamemodify(note, ':h') }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  if not check(client_id, 'the client did not start') then return end
  step('started')

  local function refuted_on_line_19()
    for _, d in ipairs(vim.diagnostic.get(buf, { lnum = 18 })) do
      if d.severity == vim.diagnostic.severity.ERROR then return d end
    end
  end
  if not check(vim.wait(30000, function() return refuted_on_line_19() ~= nil end, 50), 'no error on line 19 within 30 s') then return end
  local diagnostic = refuted_on_line_19()
  result.diagnostic = { line = diagnostic.lnum + 1, col = diagnostic.col + 1, code = diagnostic.code, source = diagnostic.source, message = diagnostic.message }
  step('diagnosed')

  local client = vim.lsp.get_client_by_id(client_id)
  -- (Neovim 0.10 keeps the server's diagnostic in user_data.lsp; 0.7 keeps it without its range, which is
  -- then rebuilt from the byte columns, counted in UTF-16 code units as the server counts them)
  local lsp_diagnostic = diagnostic.user_data.lsp
  if not lsp_diagnostic.range then
    local function position(lnum, col)
      local _, utf16 = vim.str_utfindex(vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, true)[1], col)
      return { line = lnum, character = utf16 }
    end
    lsp_diagnostic = vim.tbl_extend('force', lsp_diagnostic, {
      range = { start = position(diagnostic.lnum, diagnostic.col), ['end'] = position(diagnostic.end_lnum, diagnostic.end_col) },
      severity = vim.lsp.protocol.DiagnosticSeverity.Error,
      message = diagnostic.message,
      source = diagnostic.source,
    })
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = lsp_diagnostic.range, context = { diagnostics = { lsp_diagnostic } } }
  local response = client.request_sync('textDocument/codeAction', params, 10000, buf)
  if not check(response and response.result, 'no answer to textDocument/codeAction: ' .. vim.inspect(response)) then return end
  local fix
  for _, action in ipairs(response.result) do
    if action.isPreferred and action.edit then fix = action end
  end
  if not check(fix, 'no preferred quick fix among ' .. vim.inspect(response.result)) then return end
  result.fix = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  result.line19 = vim.api.nvim_buf_get_lines(buf, 18, 19, true)[1]
  step('fixed')

  local function no_errors() return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }) == 0 end
  if not check(vim.wait(30000, no_errors, 50), 'the error stayed after the fix') then return end
  result.diagnosticsAfter = #vim.diagnostic.get(buf)
  step('cleared')
  vim.lsp.stop_client(client_id)
  finish(true, 'ok')
end)

local ok, err = pcall(run)
if not ok then finish(false, 'error: ' .. tostring(err)) end
