-- Drives headless Neovim through what a user does: wait for diagnostics, hover a status, apply a
-- quick-fix on a line with non-ASCII text before the status. Writes what it saw as JSON to
-- $HSG_NVIM_OUT and quits; every wait has a timeout that says what it waited for.
local out = os.getenv('HSG_NVIM_OUT')
local result = {}

local function lsp_request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 20000)
  if not responses then error('no answer to ' .. method .. ' within 20 s: ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.result then return response.result end
  end
  return nil
end

local function find(buf, needle)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = string.find(line, needle, 1, true)
    if at then return index - 1, at - 1 end
  end
  error('"' .. needle .. '" is not in the buffer')
end

local ok, failure = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 2 end, 50) then
    error('timed out after 30 s waiting for 2 diagnostics; got ' .. #vim.diagnostic.get(buf) .. ', clients: ' .. #vim.lsp.get_active_clients())
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.code or lsp.code, message = d.message })
  end

  local line, col = find(buf, '404')
  local hover = lsp_request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = col } })
  result.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL

  -- What `vim.lsp.buf.code_action()` sends in 0.7: the line's diagnostics, converted back by Neovim.
  local fix_line = find(buf, 'Größe')
  local diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, fix_line)
  result.sent_range = diagnostics[1] and diagnostics[1].range or vim.NIL
  local actions = lsp_request(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diagnostics[1] and diagnostics[1].range or { start = { line = fix_line, character = 0 }, ['end'] = { line = fix_line, character = 0 } },
    context = { diagnostics = diagnostics },
  }) or {}
  result.actions = {}
  local preferred
  for _, action in ipairs(actions) do
    table.insert(result.actions, action.title)
    if action.isPreferred then preferred = action end
  end
  if preferred then
    vim.lsp.util.apply_workspace_edit(preferred.edit, vim.lsp.get_active_clients()[1].offset_encoding)
  end
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, fix_line, fix_line + 1, false)[1]
end)

if not ok then result.error = tostring(failure) end
local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
