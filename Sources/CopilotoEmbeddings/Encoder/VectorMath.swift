import Foundation

/// Small SIMD helpers of the encoder: sums, dot products, exact-erf GELU.
enum VectorMath {
    static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var total = SIMD16<Float>(repeating: 0)
        var index = 0
        let raw = UnsafeRawPointer(x)
        while index + 16 <= count {
            total += raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            index += 16
        }
        var result = total.sum()
        while index < count { result += x[index]; index += 1 }
        return result
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var total = SIMD16<Float>(repeating: 0)
        var index = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while index + 16 <= count {
            total += rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            index += 16
        }
        var result = total.sum()
        while index < count { result += a[index] * b[index]; index += 1 }
        return result
    }

    /// `y += scale * x`.
    @inline(__always)
    static func add(_ x: UnsafePointer<Float>, scaledBy scale: Float = 1, into y: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        let rawX = UnsafeRawPointer(x), rawY = UnsafeMutableRawPointer(y)
        while index + 16 <= count {
            let sum = rawY.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                + scale * rawX.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            rawY.storeBytes(of: sum, toByteOffset: index * 4, as: SIMD16<Float>.self)
            index += 16
        }
        while index < count { y[index] += scale * x[index]; index += 1 }
    }

    /// GELU with the exact error function, `0.5 · x · (1 + erf(x / √2))`, in place.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        // A plain loop of branch-free scalar code: LLVM vectorises it (SIMD16's clamping does not).
        for index in 0..<count {
            let value = x[index]
            x[index] = 0.5 * value * (1 + erf(value * 0.70710678118654752))
        }
    }

    /// erf as a rational function (the minimax fit Eigen and XLA use): within 1e-7 of the true value in single
    /// precision, and vectorisable, unlike libm's `erff`.
    @inline(__always)
    static func erf(_ input: Float) -> Float {
        let x = Swift.max(-4, Swift.min(4, input))
        let x2 = x * x
        var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08
        p = x2 * p - 2.10102402082508e-06
        p = x2 * p - 5.69250639462346e-05
        p = x2 * p - 7.34990630326855e-04
        p = x2 * p - 2.95459980854025e-03
        p = x2 * p - 1.60960333262415e-02
        var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04
        q = x2 * q - 1.68282697438203e-03
        q = x2 * q - 7.37332916720468e-03
        q = x2 * q - 1.42647390514189e-02
        return x * p / q
    }
}
