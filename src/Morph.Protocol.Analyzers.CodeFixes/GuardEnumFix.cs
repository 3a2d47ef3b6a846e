using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Morph.Protocol.Analyzers.CodeFixes
{
    /// <summary>MPA009: <c>g.ToString() == "G"</c> (or <c>g?.ToString()</c>, <c>!=</c>) becomes <c>g == LGuard.G</c>:
    /// the generated enum member, so a renamed guard is a compile error.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardEnumFix)), Shared]
    public sealed class GuardEnumFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MPA009");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span) is not BinaryExpressionSyntax binary) return;
            foreach (var d in context.Diagnostics)
                context.RegisterCodeFix(CodeAction.Create("Compare with the guard enum member", ct => Fix(context.Document, binary, ct), nameof(GuardEnumFix)), d);
        }

        private static async Task<Document> Fix(Document document, BinaryExpressionSyntax binary, CancellationToken ct)
        {
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (model == null || root == null) return document;
            var (literal, other) = binary.Right is LiteralExpressionSyntax l ? (l, binary.Left) : (binary.Left as LiteralExpressionSyntax, binary.Right);
            if (literal == null || literal.Token.Value is not string name) return document;
            // g.ToString() or g?.ToString(): keep g.
            ExpressionSyntax? guard = other switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => m.Expression,
                ConditionalAccessExpressionSyntax c => c.Expression,
                _ => null,
            };
            if (guard == null || model.GetTypeInfo(guard, ct).Type is not INamedTypeSymbol type) return document;
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) type = (INamedTypeSymbol)type.TypeArguments[0];
            var member = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.IdentifierName(name));
            var replaced = SyntaxFactory.BinaryExpression(binary.Kind(), guard.WithoutTrivia(), member).WithTriviaFrom(binary);
            return document.WithSyntaxRoot(root.ReplaceNode(binary, replaced));
        }
    }
}
