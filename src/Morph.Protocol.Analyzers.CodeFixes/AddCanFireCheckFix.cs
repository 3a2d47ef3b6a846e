using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Morph.Protocol.Analyzers.CodeFixes
{
    /// <summary>MPA001/MPA002: inserts <c>if (!x.CanFire{T}(args, out _)) return;</c> (or <c>x.CanFire(LTrigger.T)</c> for
    /// an untyped Fire) before the statement that fires. In a method with a result it returns <c>default</c>: replace
    /// it with the refusal. Offered only for a Fire that is a statement of its own in a block.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCanFireCheckFix)), Shared]
    public sealed class AddCanFireCheckFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MPA001", "MPA002");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node) return;
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax } statement) return;
            foreach (var d in context.Diagnostics)
                context.RegisterCodeFix(CodeAction.Create("Check CanFire first and return early",
                    ct => Fix(context.Document, statement, invocation, ct), nameof(AddCanFireCheckFix)), d);
        }

        private static async Task<Document> Fix(Document document, ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation, CancellationToken ct)
        {
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (model == null || root == null || model.GetSymbolInfo(invocation, ct).Symbol is not IMethodSymbol fire) return document;

            ExpressionSyntax check;
            var receiver = invocation.Expression is MemberAccessExpressionSyntax ma ? ma.Expression : null;
            if (fire.Name == "Fire")
            {
                // Untyped: CanFire(LTrigger.T) with the same trigger.
                check = SyntaxFactory.InvocationExpression(Member(receiver, "CanFire"), invocation.ArgumentList);
            }
            else
            {
                var name = "Can" + fire.Name;
                var canFire = fire.ContainingType.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault();
                var args = invocation.ArgumentList;
                if (canFire != null && canFire.Parameters.Length == args.Arguments.Count + 1 && canFire.Parameters.Last().RefKind == RefKind.Out)
                    args = args.AddArguments(SyntaxFactory.Argument(null, SyntaxFactory.Token(SyntaxKind.OutKeyword), SyntaxFactory.IdentifierName("_")));
                check = SyntaxFactory.InvocationExpression(Member(receiver, name), args);
            }

            var method = model.GetEnclosingSymbol(statement.SpanStart, ct) as IMethodSymbol;
            var returns = method == null || method.ReturnsVoid
                ? SyntaxFactory.ReturnStatement()
                : SyntaxFactory.ReturnStatement(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)));
            var guard = SyntaxFactory.IfStatement(SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check.WithoutTrivia()), returns)
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var block = (BlockSyntax)statement.Parent!;
            var newBlock = block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(statement), guard));
            return document.WithSyntaxRoot(root.ReplaceNode(block, newBlock));
        }

        private static ExpressionSyntax Member(ExpressionSyntax? receiver, string name) => receiver == null
            ? SyntaxFactory.IdentifierName(name)
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(name));
    }
}
