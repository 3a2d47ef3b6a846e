using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Spec.Syntax
{
    public enum TokenKind
    {
        Identifier, Number, String,
        LBrace, RBrace, LParen, RParen, LBracket, RBracket,
        Semicolon, Colon, Comma, Arrow, Pipe, Equals, Slash, Dot,
        EndOfFile,
    }

    public readonly struct Token
    {
        public Token(TokenKind kind, string text, SourceSpan span) { Kind = kind; Text = text; Span = span; }
        public TokenKind Kind { get; }
        /// <summary>The token's text; for a string, its content without the quotes.</summary>
        public string Text { get; }
        public SourceSpan Span { get; }

        public bool Is(string keyword) => Kind == TokenKind.Identifier && Text == keyword;

        public string Describe() => Kind switch
        {
            TokenKind.EndOfFile => "end of file",
            TokenKind.String => $"string \"{Text}\"",
            TokenKind.Identifier => $"'{Text}'",
            TokenKind.Number => $"number {Text}",
            _ => $"'{Text}'",
        };
    }
}
