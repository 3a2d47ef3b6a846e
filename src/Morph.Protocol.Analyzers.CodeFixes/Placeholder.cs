namespace Morph.Protocol.Analyzers.CodeFixes { }
