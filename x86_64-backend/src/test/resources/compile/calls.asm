; function %many(i64, i64, i64, i64, i64, i64, i64, f64, i64) -> i64 {
; block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: f64, v8: i64):
;     v9 = iadd v0, v6
;     v10 = iadd v9, v8
;     v11 = fcvt_to_sint.i64 v7
;     v12 = iadd v10, v11
;     return v12
; }
%many:
   0: push rbp
   1: mov rbp,rsp
   4: mov r10,QWORD PTR [rbp+0x10]
   8: mov rax,QWORD PTR [rbp+0x18]
   c: lea rcx,[rdi+r10*1]
  10: lea rax,[rcx+rax*1]
  14: ucomisd xmm0,QWORD PTR [rip+0x1f4] # 0x210
  1c: jb 0x3e
  22: ucomisd xmm0,QWORD PTR [rip+0x1ee] # 0x218
  2a: jae 0x3e
  30: cvttsd2si rcx,xmm0
  35: lea rax,[rax+rcx*1]
  39: mov rsp,rbp
  3c: pop rbp
  3d: ret
  3e: mov eax,0x3
  43: jmp 0x1c4

; function %caller(i64) -> i64 {
; block0(v0: i64):
;     v1 = f64const 8.0
;     v2 = call %many(v0, v0, v0, v0, v0, v0, v0, v1, v0)
;     v3 = iadd v2, v0
;     return v3
; }
%caller:
  50: push rbp
  51: mov rbp,rsp
  54: sub rsp,0x20
  58: mov QWORD PTR [rbp-0x8],rbx
  5c: mov rbx,rdi
  5f: movsd xmm0,QWORD PTR [rip+0x1b9] # 0x220
  67: mov rsi,rbx
  6a: mov rdx,rbx
  6d: mov rcx,rbx
  70: mov r8,rbx
  73: mov r9,rbx
  76: mov rax,rbx
  79: mov r10,rbx
  7c: mov rdi,rbx
  7f: mov QWORD PTR [rsp],rax
  83: mov QWORD PTR [rsp+0x8],r10
  88: call 0x0
  8d: lea rax,[rax+rbx*1]
  91: mov rbx,QWORD PTR [rbp-0x8]
  95: mov rsp,rbp
  98: pop rbp
  99: ret

; function %indirect(i64) -> i64 {
; block0(v0: i64):
;     v1 = func_addr %caller
;     v2 = call_indirect (i64) -> i64, v1(v0)
;     return v2
; }
%indirect:
  a0: push rbp
  a1: mov rbp,rsp
  a4: lea rax,[rip+0xffffffffffffffa5] # 0x50
  ab: call rax
  ad: mov rsp,rbp
  b0: pop rbp
  b1: ret

