; function %poly(f64) -> f64 {
; block0(v0: f64):
;     v1 = f64const 1.5
;     v2 = fmul v0, v0
;     v3 = fmul v2, v1
;     v4 = fadd v3, v0
;     return v4
; }
%poly:
   0: push rbp
   1: mov rbp,rsp
   4: movaps xmm1,xmm0
   7: movaps xmm2,xmm0
   a: mulsd xmm2,xmm1
   e: movsd xmm1,QWORD PTR [rip+0x39a] # 0x3b0
  16: mulsd xmm2,xmm1
  1a: movaps xmm1,xmm2
  1d: addsd xmm1,xmm0
  21: movaps xmm0,xmm1
  24: mov rsp,rbp
  27: pop rbp
  28: ret

; function %fmin64(f64, f64) -> f64 {
; block0(v0: f64, v1: f64):
;     v2 = fmin v0, v1
;     return v2
; }
%fmin64:
  30: push rbp
  31: mov rbp,rsp
  34: ucomisd xmm0,xmm1
  38: jp 0x56
  3e: jne 0x4d
  44: orpd xmm0,xmm1
  48: jmp 0x63
  4d: minsd xmm0,xmm1
  51: jmp 0x63
  56: ucomisd xmm0,xmm0
  5a: jp 0x63
  60: movaps xmm0,xmm1
  63: mov rsp,rbp
  66: pop rbp
  67: ret

; function %fneg32(f32) -> f32 {
; block0(v0: f32):
;     v1 = fneg v0
;     return v1
; }
%fneg32:
  70: push rbp
  71: mov rbp,rsp
  74: xorps xmm0,XMMWORD PTR [rip+0x325] # 0x3a0
  7b: mov rsp,rbp
  7e: pop rbp
  7f: ret

; function %to_int(f64) -> i32 {
; block0(v0: f64):
;     v1 = fcvt_to_sint.i32 v0
;     return v1
; }
%to_int:
  80: push rbp
  81: mov rbp,rsp
  84: ucomisd xmm0,QWORD PTR [rip+0x32c] # 0x3b8
  8c: jbe 0xac
  92: ucomisd xmm0,QWORD PTR [rip+0x326] # 0x3c0
  9a: jae 0xac
  a0: cvttsd2si eax,xmm0
  a4: movsxd rax,eax
  a7: mov rsp,rbp
  aa: pop rbp
  ab: ret
  ac: mov eax,0x3
  b1: jmp 0x354

; function %from_i8(i8) -> f64 {
; block0(v0: i8):
;     v1 = fcvt_from_sint.f64 v0
;     return v1
; }
%from_i8:
  c0: push rbp
  c1: mov rbp,rsp
  c4: movsx eax,dil
  c8: cvtsi2sd xmm0,eax
  cc: mov rsp,rbp
  cf: pop rbp
  d0: ret

; function %flt(f64, f64) -> i8 {
; block0(v0: f64, v1: f64):
;     v2 = fcmp eq v0, v1
;     return v2
; }
%flt:
  e0: push rbp
  e1: mov rbp,rsp
  e4: ucomisd xmm0,xmm1
  e8: sete cl
  eb: setnp al
  ee: and ecx,eax
  f0: movsx rax,cl
  f4: mov rsp,rbp
  f7: pop rbp
  f8: ret

; function %fbranch(f64, f64) -> i64 {
; block0(v0: f64, v1: f64):
;     v2 = fcmp lt v0, v1
;     brif v2, block1, block2
; block1:
;     v3 = iconst.i64 1
;     return v3
; block2:
;     v4 = iconst.i64 2
;     return v4
; }
%fbranch:
 100: push rbp
 101: mov rbp,rsp
 104: ucomisd xmm1,xmm0
 108: jbe 0x118
 10e: mov eax,0x1
 113: mov rsp,rbp
 116: pop rbp
 117: ret
 118: mov eax,0x2
 11d: mov rsp,rbp
 120: pop rbp
 121: ret

; function %bits(f64) -> i64 {
; block0(v0: f64):
;     v1 = bitcast.i64 v0
;     return v1
; }
%bits:
 130: push rbp
 131: mov rbp,rsp
 134: movq rax,xmm0
 139: mov rsp,rbp
 13c: pop rbp
 13d: ret

