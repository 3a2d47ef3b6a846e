using System.Collections.Generic;
using System.Text;
using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Spec.Syntax
{
    /// <summary>Turns spec text into tokens. Never throws: a bad character is reported and skipped.</summary>
    public static class Lexer
    {
        public static List<Token> Tokenize(string file, string text, List<SpecDiagnostic> diagnostics)
        {
            var tokens = new List<Token>();
            int i = 0, line = 1, col = 1;

            SourceSpan SpanAt(int start, int startLine, int startCol) => new SourceSpan(file, startLine, startCol, start, i - start);

            void Advance()
            {
                if (text[i] == '\n') { line++; col = 1; } else col++;
                i++;
            }

            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) { Advance(); continue; }
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n') Advance();
                    continue;
                }
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int sl = line, sc = col, s = i;
                    Advance(); Advance();
                    while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/')) Advance();
                    if (i < text.Length) { Advance(); Advance(); }
                    else diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.UnterminatedString, SpecSeverity.Error, SpanAt(s, sl, sc), "unterminated comment: expected '*/'"));
                    continue;
                }

                int start = i, startLine = line, startCol = col;
                if (char.IsLetter(c) || c == '_')
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) Advance();
                    tokens.Add(new Token(TokenKind.Identifier, text.Substring(start, i - start), SpanAt(start, startLine, startCol)));
                    continue;
                }
                if (char.IsDigit(c))
                {
                    // Digits with '_' separators, or 0x-hex.
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) Advance();
                    tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), SpanAt(start, startLine, startCol)));
                    continue;
                }
                if (c == '"')
                {
                    Advance();
                    var sb = new StringBuilder();
                    bool closed = false;
                    while (i < text.Length && text[i] != '\n')
                    {
                        if (text[i] == '"') { Advance(); closed = true; break; }
                        if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\')) { Advance(); }
                        sb.Append(text[i]);
                        Advance();
                    }
                    if (!closed)
                        diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.UnterminatedString, SpecSeverity.Error, SpanAt(start, startLine, startCol), "unterminated string: expected '\"' before the end of the line"));
                    tokens.Add(new Token(TokenKind.String, sb.ToString(), SpanAt(start, startLine, startCol)));
                    continue;
                }
                TokenKind? kind = c switch
                {
                    '{' => TokenKind.LBrace, '}' => TokenKind.RBrace, '(' => TokenKind.LParen, ')' => TokenKind.RParen,
                    '[' => TokenKind.LBracket, ']' => TokenKind.RBracket, ';' => TokenKind.Semicolon, ':' => TokenKind.Colon,
                    ',' => TokenKind.Comma, '|' => TokenKind.Pipe, '=' => TokenKind.Equals, '/' => TokenKind.Slash, '.' => TokenKind.Dot,
                    _ => null,
                };
                if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
                {
                    Advance(); Advance();
                    tokens.Add(new Token(TokenKind.Arrow, "->", SpanAt(start, startLine, startCol)));
                    continue;
                }
                Advance();
                if (kind is TokenKind k) tokens.Add(new Token(k, c.ToString(), SpanAt(start, startLine, startCol)));
                else diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.UnexpectedCharacter, SpecSeverity.Error, SpanAt(start, startLine, startCol),
                    $"unexpected character '{(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4") : c.ToString())}'"));
            }
            tokens.Add(new Token(TokenKind.EndOfFile, "", new SourceSpan(file, line, col, i, 0)));
            return tokens;
        }
    }
}
