using System.Linq.Expressions;
using System.Reflection;

namespace Loom.Actors;

/// <summary>
/// Evaluates the argument expressions of an actor call or constructor: constants and captured
/// variables directly (the common, fast cases), anything else by compiling it once.
/// </summary>
internal static class ArgumentEvaluator
{
    public static object? Evaluate(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;
            case MemberExpression { Expression: ConstantExpression closure, Member: FieldInfo field }:
                return field.GetValue(closure.Value);
            case MemberExpression { Expression: null, Member: FieldInfo staticField }:
                return staticField.GetValue(null);
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when convert.Type == typeof(object):
                return Evaluate(convert.Operand);
            default:
                var lambda = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object)));
                return lambda.Compile(preferInterpretation: true)();
        }
    }
}
